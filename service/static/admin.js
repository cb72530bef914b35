/* The instructors' dashboard's one script: "Copy" buttons for draft entries. Everything else
   works without it (the drafts are also plain text areas and downloads). */
(function () {
  "use strict";

  function copy(textarea) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(textarea.value);
    }
    textarea.focus();
    textarea.select();
    // the older way, for a dashboard reached over plain HTTP on a non-local host
    var done = document.execCommand && document.execCommand("copy");
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
    var textarea = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector(".copied");
    if (!textarea || !status) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(textarea).then(function () {
        status.textContent = "Copied.";
      }, function () {
        textarea.focus();
        textarea.select();
        status.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy.";
      });
    });
  });
}());
