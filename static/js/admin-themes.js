// Themes as chips with suggestions from the existing themes. The original
// text field (taggit's comma-separated names) stays in the form, hidden, and
// is rewritten from the chips; without this module it is the field itself.
// A name typed in another case becomes the existing theme's spelling, so
// "cybercrime" cannot stand beside "Cybercrime"; new names are allowed.

function parseNames(value) {
  // taggit's format as the form renders it: names separated by commas,
  // a name with a comma or a space in double quotes.
  const names = [];
  let current = "";
  let quoted = false;
  for (const char of value) {
    if (char === '"') {
      quoted = !quoted;
    } else if (char === "," && !quoted) {
      names.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  names.push(current);
  return names.map((name) => name.trim()).filter(Boolean);
}

function formatNames(names) {
  return names.map((name) => (/[,\s]/.test(name) ? `"${name}"` : name)).join(", ");
}

function same(a, b) {
  return a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
}

function setUp(field) {
  const url = field.dataset.nrSuggestUrl;
  const labels = {
    remove: field.dataset.nrRemoveLabel || "Remove theme",
    new: field.dataset.nrNewLabel || "new theme",
  };
  let names = parseNames(field.value);
  let suggestions = [];
  let active = -1;
  let request = 0;

  const box = document.createElement("div");
  box.className = "nr-chips";
  const list = document.createElement("ul");
  list.className = "nr-chips__list";
  const input = document.createElement("input");
  input.type = "text";
  input.className = "nr-chips__input";
  input.id = `${field.id}-chips`;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");
  const listboxId = `${field.id}-suggestions`;
  input.setAttribute("aria-controls", listboxId);
  input.placeholder = field.dataset.nrPlaceholder || "";
  const listbox = document.createElement("ul");
  listbox.id = listboxId;
  listbox.className = "nr-chips__suggestions";
  listbox.setAttribute("role", "listbox");
  listbox.hidden = true;
  box.append(list, input, listbox);
  field.after(box);
  field.hidden = true;
  // The field's label now names the chip input.
  const label = document.querySelector(`label[for="${field.id}"]`);
  if (label) {
    label.htmlFor = input.id;
  }

  function sync() {
    field.value = formatNames(names);
    list.replaceChildren(
      ...names.map((name) => {
        const chip = document.createElement("li");
        chip.className = "nr-chip";
        const text = document.createElement("span");
        text.textContent = name;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "nr-chip__remove";
        remove.textContent = "×";
        remove.setAttribute("aria-label", `${labels.remove} ${name}`);
        remove.addEventListener("click", () => {
          names = names.filter((other) => other !== name);
          sync();
          input.focus();
        });
        chip.append(text, remove);
        return chip;
      }),
    );
  }

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...listbox.children].forEach((option, i) => {
      option.setAttribute("aria-selected", String(i === index));
    });
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", listbox.children[index].id);
    }
  }

  function add(typed) {
    const name = typed.trim().replace(/\s+/g, " ").replaceAll('"', "");
    if (!name) {
      return;
    }
    // The existing spelling wins over the case typed.
    const existing = suggestions.find((theme) => same(theme, name));
    const chosen = existing || name;
    if (!names.some((other) => same(other, chosen))) {
      names.push(chosen);
    }
    input.value = "";
    close();
    sync();
  }

  function show(found, term) {
    suggestions = found;
    const offered = found.filter((theme) => !names.some((other) => same(other, theme)));
    const options = offered.map((theme, i) => {
      const option = document.createElement("li");
      option.id = `${listboxId}-${i}`;
      option.setAttribute("role", "option");
      option.className = "nr-chips__option";
      option.textContent = theme;
      option.dataset.value = theme;
      return option;
    });
    if (term && !found.some((theme) => same(theme, term))) {
      const option = document.createElement("li");
      option.id = `${listboxId}-new`;
      option.setAttribute("role", "option");
      option.className = "nr-chips__option nr-chips__option--new";
      option.textContent = `${term} (${labels.new})`;
      option.dataset.value = term;
      options.push(option);
    }
    listbox.replaceChildren(...options);
    listbox.hidden = options.length === 0;
    input.setAttribute("aria-expanded", String(options.length > 0));
    highlight(options.length && term ? 0 : -1);
  }

  async function suggest() {
    const term = input.value.trim();
    const mine = ++request;
    try {
      const response = await fetch(`${url}?q=${encodeURIComponent(term)}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await response.json();
      if (mine === request) {
        show(data.themes || [], term);
      }
    } catch {
      if (mine === request) {
        show([], term);
      }
    }
  }

  input.addEventListener("input", () => {
    if (input.value.includes(",")) {
      const parts = input.value.split(",");
      input.value = parts.pop();
      parts.forEach(add);
    }
    suggest();
  });
  input.addEventListener("focus", suggest);
  input.addEventListener("keydown", (event) => {
    const count = listbox.children.length;
    if (event.key === "ArrowDown" && count) {
      event.preventDefault();
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight((active + 1) % count);
    } else if (event.key === "ArrowUp" && count) {
      event.preventDefault();
      highlight((active - 1 + count) % count);
    } else if (event.key === "Enter") {
      if (input.value.trim() || active >= 0) {
        // Enter adds the theme instead of submitting the form.
        event.preventDefault();
        const option = !listbox.hidden && listbox.children[active];
        add(option ? option.dataset.value : input.value);
      }
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Backspace" && !input.value && names.length) {
      names.pop();
      sync();
    }
  });
  // A mouse choice lands before the input loses focus.
  listbox.addEventListener("mousedown", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) {
      event.preventDefault();
      add(option.dataset.value);
    }
  });
  input.addEventListener("blur", () => {
    if (input.value.trim()) {
      add(input.value);
    }
    close();
  });
  sync();
}

document.querySelectorAll("input[data-nr-suggest-url]").forEach(setUp);
