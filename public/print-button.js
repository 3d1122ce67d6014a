/* Reveals the "Print this page" button: it needs JavaScript, and the page says how to print without it. */
(function () {
  "use strict";
  var button = document.querySelector("[data-print-button]");
  if (!button || !window.print) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
})();
