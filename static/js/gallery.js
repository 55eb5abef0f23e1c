/*
 * Gallery lightbox: progressive enhancement of the release page's photo grid.
 *
 * Without this script every thumbnail links to its large rendition. With it, a
 * click (or Enter/Space) opens a modal <dialog> with the large image, an
 * "N / M" counter, previous/next (wrapping around at the ends), arrow keys,
 * Home/End, Escape, swipe on touch screens, focus kept inside and returned to
 * the thumbnail on close. Strings come translated from the gallery's data-label-*
 * attributes; styles live in lightbox.css (a strict CSP forbids inline styles).
 */
(function () {
  "use strict";

  var SWIPE_MIN_PX = 40;
  var instances = 0;

  var ICONS = {
    close: '<path d="M6 6l12 12M18 6L6 18"/>',
    previous: '<path d="M15 5l-7 7 7 7"/>',
    next: '<path d="M9 5l7 7-7 7"/>'
  };

  function icon(name) {
    return (
      '<svg class="lightbox__icon lightbox__icon--' + name + '" viewBox="0 0 24 24" ' +
      'width="24" height="24" aria-hidden="true" focusable="false">' + ICONS[name] + "</svg>"
    );
  }

  function element(tag, className, attributes) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function button(name, label) {
    var node = element("button", "lightbox__button lightbox__" + name, {
      type: "button",
      "aria-label": label
    });
    node.innerHTML = icon(name);
    return node;
  }


  // The large WebP sizes are the thumbnail's own <source>: the browser picks by width.
  function webpSrcset(link) {
    var source = link.querySelector("source[type='image/webp']");
    return source ? source.getAttribute("srcset") || "" : "";
  }

  function Lightbox(gallery) {
    this.gallery = gallery;
    this.links = Array.prototype.slice.call(gallery.querySelectorAll(".gallery__link"));
    this.index = 0;
    this.opener = null;
    this.preloaded = {};
    this.build();
    this.bind();
  }

  Lightbox.prototype.label = function (name, fallback) {
    return this.gallery.getAttribute("data-label-" + name) || fallback;
  };

  Lightbox.prototype.build = function () {
    var titleId = "lightbox-title-" + ++instances;
    var dialog = element("dialog", "lightbox", { "aria-labelledby": titleId });
    var bar = element("div", "lightbox__bar");
    var title = element("h2", "visually-hidden", { id: titleId });
    title.textContent = this.label("dialog", "Photos");
    this.counter = element("p", "lightbox__counter", {
      "aria-live": "polite",
      "aria-atomic": "true"
    });
    this.closeButton = button("close", this.label("close", "Close"));
    bar.append(title, this.counter, this.closeButton);

    this.stage = element("div", "lightbox__stage");
    var picture = element("picture", "lightbox__picture");
    this.source = element("source", "", { type: "image/webp", sizes: "100vw" });
    this.image = element("img", "lightbox__image", { alt: "", decoding: "async" });
    picture.append(this.source, this.image);
    this.stage.append(picture);

    this.previousButton = button("previous", this.label("previous", "Previous photo"));
    this.nextButton = button("next", this.label("next", "Next photo"));

    var caption = element("div", "lightbox__caption");
    this.captionText = element("p", "lightbox__text");
    this.credit = element("p", "lightbox__credit");
    this.licence = element("p", "lightbox__licence");
    this.download = element("a", "lightbox__download", { download: "" });
    caption.append(this.captionText, this.credit, this.licence, this.download);

    dialog.append(bar, this.stage, this.previousButton, this.nextButton, caption);
    if (this.links.length < 2) {
      this.previousButton.hidden = true;
      this.nextButton.hidden = true;
    }
    document.body.append(dialog);
    this.dialog = dialog;
  };

  Lightbox.prototype.bind = function () {
    var self = this;

    this.links.forEach(function (link, index) {
      link.setAttribute("aria-haspopup", "dialog");
      link.addEventListener("click", function (event) {
        // Modified clicks keep their meaning: open the large image in a new tab.
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
          return;
        }
        event.preventDefault();
        self.open(index, link);
      });
      link.addEventListener("keydown", function (event) {
        // Enter already clicks a link; Space would scroll the page instead.
        if (event.key === " ") {
          event.preventDefault();
          self.open(index, link);
        }
      });
    });

    this.closeButton.addEventListener("click", function () {
      self.close();
    });
    this.previousButton.addEventListener("click", function () {
      self.show(self.index - 1);
    });
    this.nextButton.addEventListener("click", function () {
      self.show(self.index + 1);
    });
    this.dialog.addEventListener("keydown", function (event) {
      self.onKeydown(event);
    });
    this.dialog.addEventListener("click", function (event) {
      if (self.isBackdrop(event)) self.close();
    });
    // Escape closes a modal <dialog> natively; this tidies up after any way of closing.
    this.dialog.addEventListener("close", function () {
      // Reopened meanwhile: the event belongs to the previous closing.
      if (!self.dialog.open) self.onClose();
    });
    ["load", "error"].forEach(function (type) {
      self.image.addEventListener(type, function () {
        self.image.classList.remove("lightbox__image--loading");
      });
    });
    this.bindSwipe();
  };

  Lightbox.prototype.bindSwipe = function () {
    var self = this;
    var start = null;
    this.stage.addEventListener("pointerdown", function (event) {
      if (event.pointerType === "mouse" || !event.isPrimary) return;
      start = { x: event.clientX, y: event.clientY };
    });
    this.stage.addEventListener("pointercancel", function () {
      start = null;
    });
    this.stage.addEventListener("pointerup", function (event) {
      if (!start) return;
      var dx = event.clientX - start.x;
      var dy = event.clientY - start.y;
      start = null;
      if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy)) return;
      // The tap that ends a swipe must not count as a click on the backdrop.
      self.swiped = true;
      window.setTimeout(function () {
        self.swiped = false;
      }, 400);
      var forward = dx < 0;
      if (self.isRtl()) forward = !forward;
      self.show(self.index + (forward ? 1 : -1));
    });
  };

  Lightbox.prototype.isRtl = function () {
    return window.getComputedStyle(this.dialog).direction === "rtl";
  };

  /* The dark area around the photo is the backdrop: the dialog itself, the stage,
   * and the letterboxed margins of the contained image. */
  Lightbox.prototype.isBackdrop = function (event) {
    if (this.swiped) return false;
    var target = event.target;
    if (target === this.dialog || target === this.stage) return true;
    if (target !== this.image) return false;
    var box = this.image.getBoundingClientRect();
    var naturalWidth = this.image.naturalWidth || Number(this.image.getAttribute("width"));
    var naturalHeight = this.image.naturalHeight || Number(this.image.getAttribute("height"));
    if (!naturalWidth || !naturalHeight) return false;
    var scale = Math.min(box.width / naturalWidth, box.height / naturalHeight);
    var shownWidth = naturalWidth * scale;
    var shownHeight = naturalHeight * scale;
    var left = box.left + (box.width - shownWidth) / 2;
    var top = box.top + (box.height - shownHeight) / 2;
    return (
      event.clientX < left || event.clientX > left + shownWidth ||
      event.clientY < top || event.clientY > top + shownHeight
    );
  };

  Lightbox.prototype.onKeydown = function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var rtl = this.isRtl();
    switch (event.key) {
      case "ArrowRight":
        this.show(this.index + (rtl ? -1 : 1));
        break;
      case "ArrowLeft":
        this.show(this.index + (rtl ? 1 : -1));
        break;
      case "Home":
        this.show(0);
        break;
      case "End":
        this.show(this.links.length - 1);
        break;
      case "Tab":
        this.trapFocus(event);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  /* A modal dialog makes the page inert, but Tab could still leave for the
   * browser's own controls; keep it cycling through the dialog's controls. */
  Lightbox.prototype.trapFocus = function (event) {
    var focusable = Array.prototype.filter.call(
      this.dialog.querySelectorAll("button, a[href]"),
      function (node) {
        return !node.hidden && node.getClientRects().length > 0;
      }
    );
    if (!focusable.length) return;
    var first = focusable[0];
    var last = focusable[focusable.length - 1];
    var current = document.activeElement;
    var inside = focusable.indexOf(current) !== -1;
    if (event.shiftKey && (current === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (current === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  };

  Lightbox.prototype.open = function (index, opener) {
    this.opener = opener;
    this.show(index);
    if (!this.dialog.open) {
      document.documentElement.classList.add("lightbox-open");
      this.dialog.showModal();
    }
    this.closeButton.focus();
  };

  Lightbox.prototype.close = function () {
    if (!this.dialog.open) return;
    this.dialog.close();
    // The "close" event comes a task later; the page should not wait for it.
    this.onClose();
  };

  Lightbox.prototype.onClose = function () {
    document.documentElement.classList.remove("lightbox-open");
    if (this.opener) {
      this.opener.focus();
      this.opener = null;
    }
  };

  Lightbox.prototype.show = function (index) {
    var count = this.links.length;
    // Wrap around: after the last photo comes the first, and the counter says so.
    this.index = ((index % count) + count) % count;
    var link = this.links[this.index];
    var thumbnail = link.querySelector("img");
    var figure = link.closest("figure");
    var download = figure && figure.querySelector(".gallery__download");

    // Hidden until the new photo has loaded, rather than showing the last one under
    // the new caption.
    if (this.image.getAttribute("src") !== link.getAttribute("href")) {
      this.image.classList.add("lightbox__image--loading");
    }
    this.source.setAttribute("srcset", webpSrcset(link));
    this.image.setAttribute("width", link.getAttribute("data-width") || "");
    this.image.setAttribute("height", link.getAttribute("data-height") || "");
    this.image.setAttribute("alt", thumbnail ? thumbnail.getAttribute("alt") : "");
    this.image.setAttribute("src", link.getAttribute("href"));

    // "N / M" in the page's language: a bare "1 / 13" inside right-to-left text
    // would read "13 / 1".
    this.counter.textContent = this.label("counter", "%(n)s / %(total)s")
      .replace("%(n)s", String(this.index + 1))
      .replace("%(total)s", String(count));
    this.setText(this.captionText, figure && figure.querySelector(".gallery__text"));
    this.setText(this.credit, figure && figure.querySelector(".gallery__credit"));
    this.setText(this.licence, figure && figure.querySelector(".gallery__licence"));
    if (download) {
      this.download.setAttribute("href", download.getAttribute("href"));
      // A copy of the link's text, not its flattened text: the size in it keeps its
      // left-to-right direction on a right-to-left page.
      this.download.replaceChildren.apply(
        this.download,
        Array.prototype.map.call(download.childNodes, function (node) {
          return node.cloneNode(true);
        })
      );
      this.download.hidden = false;
    } else {
      this.download.removeAttribute("href");
      this.download.hidden = true;
    }
    this.preload(this.index + 1);
    this.preload(this.index - 1);
  };

  /* The text of a caption's part, with the language and direction it is marked with
   * (a caption in the release's language on a page in another). */
  Lightbox.prototype.setText = function (node, source) {
    var value = source ? source.textContent.trim() : "";
    node.textContent = value;
    node.hidden = !value;
    ["lang", "dir"].forEach(function (name) {
      if (source && source.hasAttribute(name)) {
        node.setAttribute(name, source.getAttribute(name));
      } else {
        node.removeAttribute(name);
      }
    });
  };

  Lightbox.prototype.preload = function (index) {
    var count = this.links.length;
    var wrapped = ((index % count) + count) % count;
    if (this.preloaded[wrapped]) return;
    var link = this.links[wrapped];
    var picture = element("picture");
    var image = element("img", "", { alt: "" });
    picture.append(
      element("source", "", {
        type: "image/webp",
        sizes: "100vw",
        srcset: webpSrcset(link)
      }),
      image
    );
    // Set last, so the detached <img> picks its source from the <picture> once.
    image.setAttribute("src", link.getAttribute("href"));
    this.preloaded[wrapped] = picture;
  };

  function init() {
    if (typeof HTMLDialogElement !== "function") return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-gallery]"), function (gallery) {
      if (gallery.querySelector(".gallery__link")) new Lightbox(gallery);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
