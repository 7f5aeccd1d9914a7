// Progressive enhancement only: every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // A select marked .js-autosubmit sends its form on change; its button is then redundant.
  for (const select of document.querySelectorAll("select.js-autosubmit")) {
    const button = select.form && select.form.querySelector("button[type=submit]");
    if (button) button.hidden = true;
    select.addEventListener("change", () => select.form.requestSubmit());
  }
});
