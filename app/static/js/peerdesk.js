// Progressive enhancement only: every page works without this file.
"use strict";

// <form data-confirm="..."> asks before sending: for actions that are hard to take back.
function confirmBeforeSubmit(form) {
  form.addEventListener("submit", (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
}

// <form class="js-action"> (a toggle such as "Helpful" or "I have this problem too") is
// sent with fetch and updates the page in place; if anything fails, the form is sent
// normally and the server answers with a full page.
function sendInPlace(form) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      });
      const data = await response.json();
      announce(data.message);
      if (response.ok) toggle(form, button, data);
    } catch (error) {
      form.submit();
    } finally {
      button.disabled = false;
    }
  });
}

function toggle(form, button, data) {
  const other = form.dataset.otherAction;
  form.dataset.otherAction = form.getAttribute("action");
  form.setAttribute("action", other);
  button.setAttribute("aria-pressed", String(button.getAttribute("aria-pressed") !== "true"));
  const counter = document.querySelector(form.dataset.counter);
  if (counter && data.count_text) counter.textContent = data.count_text;
}

function announce(message) {
  let region = document.getElementById("live-status");
  if (!region) {
    region = document.createElement("p");
    region.id = "live-status";
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    document.body.appendChild(region);
  }
  region.textContent = message || "";
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-confirm]").forEach(confirmBeforeSubmit);
  document.querySelectorAll("form.js-action").forEach(sendInPlace);
});
