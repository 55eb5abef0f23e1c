// Cards of an inline (photos, quotes) reordered by dragging their handle or
// by keyboard (arrow keys on the handle, or its move buttons). The hidden
// position fields are renumbered in the cards' order, so the order is saved
// with the release. Without this module the position fields stay visible.

const MOVE_KEYS = {
  ArrowUp: -1,
  ArrowLeft: -1,
  ArrowDown: 1,
  ArrowRight: 1,
};

function cards(list) {
  return [...list.querySelectorAll(":scope > [data-nr-item]")].filter(
    (card) => !card.classList.contains("empty-form"),
  );
}

function positionInput(card) {
  return card.querySelector('input[name$="-position"]');
}

function isDeleted(card) {
  const box = card.querySelector('input[name$="-DELETE"]');
  return Boolean(box && box.checked);
}

function renumber(list) {
  cards(list).forEach((card, index) => {
    const input = positionInput(card);
    if (input && input.value !== String(index)) {
      input.value = String(index);
    }
    const number = card.querySelector("[data-nr-number]");
    if (number) {
      number.textContent = String(index + 1);
    }
  });
}

function announce(list, card) {
  const group = list.closest(".inline-group");
  const status = group && group.querySelector("[data-nr-reorder-status]");
  if (!status) {
    return;
  }
  const all = cards(list);
  const name = list.dataset.nrItemName || "";
  status.textContent = `${name} ${all.indexOf(card) + 1} / ${all.length}`;
}

function move(list, card, step) {
  const all = cards(list);
  const index = all.indexOf(card);
  const target = all[index + step];
  if (!target) {
    return false;
  }
  if (step < 0) {
    list.insertBefore(card, target);
  } else {
    list.insertBefore(card, target.nextSibling);
  }
  renumber(list);
  announce(list, card);
  return true;
}

function button(label, text, className) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.setAttribute("aria-label", label);
  element.title = label;
  element.textContent = text;
  return element;
}

function equip(list, card) {
  // Read-only cards (a live release, for an Editor) have no position to change.
  if (card.dataset.nrEquipped || card.classList.contains("empty-form") || !positionInput(card)) {
    return;
  }
  card.dataset.nrEquipped = "1";
  const bar = card.querySelector(".nr-card__bar");
  const handle = button(
    list.dataset.nrHandleLabel || "Move (drag, or use the arrow keys)",
    "⠿",
    "nr-card__handle",
  );
  handle.dataset.nrHandle = "1";
  const earlier = button(list.dataset.nrEarlierLabel || "Move earlier", "↑", "nr-card__move");
  const later = button(list.dataset.nrLaterLabel || "Move later", "↓", "nr-card__move");
  earlier.dataset.nrMove = "-1";
  later.dataset.nrMove = "1";
  const tools = document.createElement("span");
  tools.className = "nr-card__order";
  tools.append(handle, earlier, later);
  bar.prepend(tools);

  handle.addEventListener("keydown", (event) => {
    const step = MOVE_KEYS[event.key];
    if (step && move(list, card, step)) {
      event.preventDefault();
      handle.focus();
    }
  });
  for (const mover of [earlier, later]) {
    mover.addEventListener("click", () => {
      move(list, card, Number(mover.dataset.nrMove));
      mover.focus();
    });
  }
  // Only the handle starts a drag, so text in the card's fields stays selectable.
  handle.addEventListener("pointerdown", () => {
    card.draggable = true;
  });
  card.addEventListener("dragstart", (event) => {
    if (!card.draggable) {
      return;
    }
    list.dataset.nrDragging = card.id;
    card.classList.add("nr-card--dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.id);
  });
  card.addEventListener("dragend", () => {
    card.draggable = false;
    card.classList.remove("nr-card--dragging");
    delete list.dataset.nrDragging;
    renumber(list);
    announce(list, card);
  });
  card.addEventListener("dragover", (event) => {
    const dragged = list.dataset.nrDragging && document.getElementById(list.dataset.nrDragging);
    if (!dragged || dragged === card) {
      return;
    }
    event.preventDefault();
    const all = cards(list);
    const before = all.indexOf(dragged) > all.indexOf(card);
    list.insertBefore(dragged, before ? card : card.nextSibling);
  });
  card.addEventListener("drop", (event) => {
    event.preventDefault();
    renumber(list);
  });
}

function setUp(list) {
  if (!cards(list).some(positionInput)) {
    return;
  }
  list.classList.add("nr-cards--js");
  const hint = list.closest(".inline-group")?.querySelector("[data-nr-reorder-hint]");
  if (hint) {
    hint.hidden = false;
  }
  for (const card of cards(list)) {
    equip(list, card);
  }
  // Deleted cards keep their place; checking the box only greys them out.
  list.addEventListener("change", (event) => {
    if (event.target.name && event.target.name.endsWith("-DELETE")) {
      const card = event.target.closest("[data-nr-item]");
      card.classList.toggle("nr-card--deleted", isDeleted(card));
    }
  });
}

const lists = document.querySelectorAll("[data-nr-reorder]");
lists.forEach(setUp);

// A card added with "Add another" goes last and gets the next position.
document.addEventListener("formset:added", (event) => {
  const list = event.target.closest("[data-nr-reorder]");
  if (list) {
    equip(list, event.target);
    // The others keep their numbers: adding is no reordering.
    const all = cards(list);
    const taken = all
      .filter((card) => card !== event.target)
      .map((card) => Number(positionInput(card)?.value || 0));
    const input = positionInput(event.target);
    if (input) {
      input.value = String(taken.length ? Math.max(...taken) + 1 : 0);
    }
    const number = event.target.querySelector("[data-nr-number]");
    if (number) {
      number.textContent = String(all.length);
    }
    // A new card needs its file field, folded away on the cards that have one.
    event.target.querySelectorAll("details").forEach((details) => {
      details.open = true;
    });
  }
});
