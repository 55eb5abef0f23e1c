// Review screen of "New release from text": an unticked quote is shown as left out.
for (const box of document.querySelectorAll(".text-import-keep input[type=checkbox]")) {
  const quote = box.closest(".text-import-quote");
  const show = () => quote.classList.toggle("text-import-removed", !box.checked);
  box.addEventListener("change", show);
  show();
}
