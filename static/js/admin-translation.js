// A translation's times (articles/admin/translations.py): while "released
// with the source" is ticked they are the source's, shown locked; unticking
// unlocks them for times of the translation's own, ticking again shows the
// source's once more. The server decides by the box, whatever is posted.

const box = document.querySelector("input[data-nr-source-times]");
if (box) {
  const sourceTimes = JSON.parse(box.dataset.nrSourceTimes);
  const inputs = Object.keys(sourceTimes)
    .map((id) => document.getElementById(id))
    .filter(Boolean);
  const own = new Map(inputs.map((input) => [input, input.value]));
  const update = () => {
    for (const input of inputs) {
      if (box.checked) {
        if (!input.disabled) own.set(input, input.value);
        input.value = sourceTimes[input.id];
      } else if (input.disabled) {
        input.value = own.get(input) || sourceTimes[input.id];
      }
      input.disabled = box.checked;
      // Django's calendar and clock buttons beside the fields go with them.
      const shortcuts = input.parentElement?.querySelectorAll(".datetimeshortcuts");
      for (const shortcut of shortcuts || []) shortcut.hidden = box.checked;
    }
  };
  box.addEventListener("change", update);
  update();
  // The shortcuts are added once the page has loaded (DateTimeShortcuts.js).
  window.addEventListener("load", update);
}
