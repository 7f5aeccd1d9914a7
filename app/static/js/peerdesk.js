// Progressive enhancement only: every page works without this file.
"use strict";

// <form data-confirm="..."> asks before sending: for actions that are hard to take back.
// A form with several buttons asks only for the one that has data-confirm itself.
function confirmBeforeSubmit(form) {
  form.addEventListener("submit", (event) => {
    const question = event.submitter?.dataset.confirm || form.dataset.confirm;
    if (question && !window.confirm(question)) event.preventDefault();
  });
}

// <form class="js-action"> (a toggle such as "Helpful" or "I have this problem too") is
// sent with fetch and updates the page in place. <form class="js-refresh"> (accepting an
// answer, which reorders the thread) is sent with fetch and the page's main content is
// replaced with a fresh copy, without a page load. If anything fails, the form is sent
// normally and the server answers with a full page.
function sendWithFetch(form, onSuccess) {
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
      if (response.ok) {
        await onSuccess(form, button, data);
        announce(data.message);
      } else {
        showRefusal(form, data.message);
      }
    } catch (error) {
      form.submit();
    } finally {
      button.disabled = false;
    }
  });
}

async function refreshMain() {
  const response = await fetch(window.location.href, { credentials: "same-origin" });
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  document.querySelector("main").replaceWith(fresh.querySelector("main"));
  enhance(document.querySelector("main"));
}

async function toggle(form, button, data) {
  const other = form.dataset.otherAction;
  form.dataset.otherAction = form.getAttribute("action");
  form.setAttribute("action", other);
  button.setAttribute("aria-pressed", String(button.getAttribute("aria-pressed") !== "true"));
  const counter = document.querySelector(form.dataset.counter);
  if (counter && typeof data.count_text === "string") counter.textContent = data.count_text;
}

// A refusal ("You cannot vote on your own post.") is shown next to the button.
function showRefusal(form, message) {
  let note = form.nextElementSibling;
  if (!note || !note.classList.contains("action-error")) {
    note = document.createElement("span");
    note.className = "action-error";
    note.setAttribute("role", "alert");
    form.after(note);
  }
  note.textContent = message || "";
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

// <div data-preview-for="body" data-preview-url="..."> gets a "Preview" button that shows
// the Markdown of that field as it will be posted, rendered by the server.
function addPreview(box) {
  const form = box.closest("form");
  const field = form.elements[box.dataset.previewFor];
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = box.dataset.label;
  box.before(button);
  button.addEventListener("click", async () => {
    if (!box.hidden) {
      box.hidden = true;
      button.textContent = box.dataset.label;
      return;
    }
    const body = new FormData();
    body.append("body", field.value);
    body.append("csrf_token", form.elements.csrf_token.value);
    const response = await fetch(box.dataset.previewUrl, {
      method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin",
    });
    if (!response.ok) return;
    box.innerHTML = (await response.json()).html;  // sanitized by the server's allow-list
    box.hidden = false;
    button.textContent = box.dataset.hideLabel;
  });
}

// <form data-ask-form> (the ask page) works in two steps without this script: title and
// product area, then "check these first", then the details. Here the whole form shows at
// once, and solved questions like the title appear under it while it is typed (after a
// pause, so not on every key). What was typed is kept in this tab's sessionStorage, so a
// customer who opens a suggestion and comes back finds their question as they left it.
// <form data-forget-draft> (signing out, "this solved it") drops it when sent, so the next
// person at a shared computer does not find it.
const ASK_DRAFT = "peerdesk-ask-draft";
const DRAFT_FIELDS = ["title", "category", "kind", "body", "tags"];

function enhanceAskForm(form) {
  form.querySelectorAll("[data-ask-details]").forEach((part) => { part.hidden = false; });
  form.querySelectorAll("[data-ask-continue]").forEach((part) => part.remove());
  restoreDraft(form);
  saveDraft(form);
  form.addEventListener("input", () => saveDraft(form));
  form.addEventListener("change", () => saveDraft(form));
  form.addEventListener("submit", () => sessionStorage.removeItem(ASK_DRAFT));
  suggestWhileTyping(form, form.elements.title, document.getElementById("ask-suggestions"));
}

function restoreDraft(form) {
  let saved;
  try {
    saved = JSON.parse(sessionStorage.getItem(ASK_DRAFT) || "{}");
  } catch (error) {
    return;
  }
  const fresh = !form.elements.body.value;
  for (const name of DRAFT_FIELDS) {
    const field = form.elements[name];
    if (!field || !saved[name]) continue;
    if (name === "kind") {
      if (fresh) field.value = saved.kind;
    } else if (!field.value) {
      field.value = saved[name];
    }
  }
}

function saveDraft(form) {
  const draft = {};
  for (const name of DRAFT_FIELDS) {
    if (form.elements[name]) draft[name] = form.elements[name].value;
  }
  try {
    sessionStorage.setItem(ASK_DRAFT, JSON.stringify(draft));
  } catch (error) {
    // storage full or disabled: the form still works
  }
}

function suggestWhileTyping(form, title, box) {
  if (!title || !box) return;
  let timer = null;
  let pending = null;
  let shownFor = title.value.trim();
  const update = async () => {
    const text = title.value.trim();
    if (text === shownFor) return;
    shownFor = text;
    if (pending) pending.abort();
    if (text.length < 3) {
      box.innerHTML = "";
      return;
    }
    pending = new AbortController();
    try {
      const url = `${form.dataset.suggestionsUrl}?q=${encodeURIComponent(text)}`;
      const response = await fetch(url, {
        headers: { Accept: "text/html" }, credentials: "same-origin", signal: pending.signal,
      });
      if (response.ok) box.innerHTML = await response.text();  // escaped by the server
    } catch (error) {
      // aborted by newer typing, or offline: keep what is shown
    }
  };
  title.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  });
  if (!box.children.length && shownFor.length >= 3) {
    shownFor = "";
    update();
  }
}

// <select data-insert-into="body"> (canned replies, article links on a case) adds the
// chosen option's value to that text area, where the cursor is, and resets itself.
function addInserter(select) {
  select.addEventListener("change", () => {
    const area = document.getElementById(select.dataset.insertInto);
    if (!area || !select.value) return;
    const at = area.selectionStart ?? area.value.length;
    const text = (at && area.value[at - 1] !== "\n" ? "\n\n" : "") + select.value;
    area.value = area.value.slice(0, at) + text + area.value.slice(at);
    area.focus();
    select.selectedIndex = 0;
  });
}

// "1,234 of 20,000 characters" under a text box with a limit, so the limit is met while
// typing, not learned from a refusal; the texts come translated in the page.
function countCharacters(box) {
  const note = document.getElementById(`${box.id}-count`);
  if (!note) return;
  const max = Number(box.dataset.maxLength);
  const format = (number) => number.toLocaleString(document.documentElement.lang);
  const update = () => {
    const count = [...box.value].length;  // characters, as the server counts them
    const over = count - max;
    note.textContent = over > 0
      ? (over === 1 ? note.dataset.overOneText : note.dataset.overText)
        .replace("{over}", format(over)).replace("{max}", format(max))
      : note.dataset.countText.replace("{count}", format(count)).replace("{max}", format(max));
    note.classList.toggle("near-limit", count > max * 0.9 && over <= 0);
    note.classList.toggle("over-limit", over > 0);
  };
  note.hidden = false;
  box.setAttribute("aria-describedby",
    [box.getAttribute("aria-describedby"), note.id].filter(Boolean).join(" "));
  box.addEventListener("input", update);
  update();
}

function enhance(root) {
  root.querySelectorAll("form[data-confirm], form:has(button[data-confirm])")
    .forEach(confirmBeforeSubmit);
  root.querySelectorAll("form.js-action").forEach((form) => sendWithFetch(form, toggle));
  root.querySelectorAll("form.js-refresh").forEach((form) => sendWithFetch(form, refreshMain));
  root.querySelectorAll("[data-preview-for]").forEach(addPreview);
  root.querySelectorAll("textarea[data-max-length]").forEach(countCharacters);
  root.querySelectorAll("form[data-ask-form]").forEach(enhanceAskForm);
  root.querySelectorAll("select[data-insert-into]").forEach(addInserter);
  root.querySelectorAll("form[data-forget-draft]").forEach((form) => {
    form.addEventListener("submit", () => sessionStorage.removeItem(ASK_DRAFT));
  });
}

// <main data-journey-beacon="url" data-journey="step=..."> : the step this page shows a
// signed-out reader (a thread read, a search), recorded by a small request once the page
// has loaded, so that the page itself is the same for everyone and a cache may keep it.
function sendJourneyBeacon(main) {
  if (!main?.dataset.journeyBeacon || !navigator.sendBeacon) return;
  navigator.sendBeacon(main.dataset.journeyBeacon, new URLSearchParams(main.dataset.journey));
}

// The header's menus (<details>, which open without this script): one open at a time,
// closed by a click elsewhere or Escape, as menus behave everywhere else.
function headerMenus() {
  const menus = [...document.querySelectorAll("details.menu")];
  menus.forEach((menu) => menu.addEventListener("toggle", () => {
    if (menu.open) menus.filter((other) => other !== menu).forEach((other) => { other.open = false; });
  }));
  document.addEventListener("click", (event) => {
    menus.filter((menu) => menu.open && !menu.contains(event.target))
      .forEach((menu) => { menu.open = false; });
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = menus.find((menu) => menu.open);
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  headerMenus();
  enhance(document);
  sendJourneyBeacon(document.querySelector("main"));
});
