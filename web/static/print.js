// The "Cetak" (print) buttons: the only script regflow serves, and no page needs it. A button
// marked data-print is hidden until this runs, then opens the browser's print dialog, which
// also saves the page as PDF. Kept in a file because the Content-Security-Policy allows no
// inline script.
document.querySelectorAll("button[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
