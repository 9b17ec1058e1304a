// Small progressive enhancements; every page works without this script.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  const question = button && button.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Each table cell learns its column's name, shown above it when a narrow screen stacks the
// rows (see grip.css).
function labelCells(root) {
  for (const table of root.querySelectorAll("table")) {
    const names = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    if (names.length === 0) continue;
    for (const row of table.querySelectorAll("tbody tr")) {
      [...row.children].forEach((cell, i) => {
        if (names[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", names[i]);
      });
    }
  }
}

// Long pages get an "on this page" list of their sections, after the first heading.
function sectionNav() {
  const main = document.getElementById("main");
  const label = document.body.dataset.tocLabel;
  const headings = main ? [...main.querySelectorAll("h2")].filter((h) => h.textContent.trim()) : [];
  if (!label || headings.length < 4 || main.querySelector(".toc")) return;
  const list = document.createElement("ul");
  headings.forEach((h, i) => {
    if (!h.id) {
      const section = h.closest("section[id]");
      h.id = section && section.querySelector("h2") === h ? `${section.id}-kop` : `sectie-${i + 1}`;
    }
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${h.id}`;
    link.textContent = h.textContent.trim();
    item.append(link);
    list.append(item);
  });
  const nav = document.createElement("nav");
  nav.className = "toc";
  nav.setAttribute("aria-label", label);
  const title = document.createElement("p");
  title.className = "toc-title";
  title.textContent = label;
  nav.append(title, list);
  const h1 = main.querySelector("h1");
  const anchor = h1 ? h1.closest(".heading") || h1 : null;
  if (anchor) anchor.after(nav);
  else main.prepend(nav);
}

// A box that scrolls on its own (a long document text) must be reachable by keyboard.
function focusableScrollers(root) {
  for (const box of root.querySelectorAll("pre, .document-text")) {
    const scrolls = box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth;
    if (scrolls || box.classList.contains("document-text")) box.tabIndex = 0;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  labelCells(document);
  focusableScrollers(document);
  sectionNav();
});
document.addEventListener("htmx:afterSwap", (event) => labelCells(event.target));
