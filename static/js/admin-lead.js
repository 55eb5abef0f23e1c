// The lead's live character count against its limit (the field's maxlength,
// or data-nr-limit): "212 / 300", marked when over. Readers' listings, meta
// descriptions and feeds show the lead, so the limit is a real one.

for (const field of document.querySelectorAll("textarea[data-nr-limit]")) {
  const limit = Number(field.dataset.nrLimit);
  const counter = document.createElement("p");
  counter.className = "nr-count";
  counter.id = `${field.id}-count`;
  counter.setAttribute("aria-live", "polite");
  field.after(counter);
  const described = field.getAttribute("aria-describedby");
  field.setAttribute("aria-describedby", described ? `${described} ${counter.id}` : counter.id);
  const update = () => {
    const used = field.value.trim().length;
    counter.textContent = `${used} / ${limit}`;
    counter.classList.toggle("nr-count--over", used > limit);
  };
  field.addEventListener("input", update);
  update();
}
