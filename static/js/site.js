/* Mobile menu toggle. Without JavaScript the menu is simply always open. */
(function () {
  var root = document.documentElement;
  root.className += " js";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".nav-toggle");
    var nav = document.getElementById("site-nav");
    if (!button || !nav) return;
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
    }
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        set(false);
        button.focus();
      }
    });
  });
})();

/* Share panel: "copy link" only where the clipboard can be written (the button stays hidden otherwise). */
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".share__copy");
    if (!button || !navigator.clipboard) return;
    var status = document.querySelector(".share__status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        if (status) status.textContent = button.getAttribute("data-done") || "✓";
      });
    });
  });
})();
