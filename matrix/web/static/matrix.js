// matrix serve: the page's little script. Works without it too: every form posts as usual.
"use strict";

function ready(fn) {
  if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
}

function toggleSource(row, open) {
  const source = document.getElementById("source-" + row.dataset.task);
  if (!source) return;
  const show = open === undefined ? source.hidden : open;
  source.hidden = !show;
  const button = row.querySelector(".toggle");
  if (button) button.setAttribute("aria-expanded", String(show));
}

function setupReview() {
  document.querySelectorAll("tr.task .toggle").forEach((button) => {
    button.addEventListener("click", () => toggleSource(button.closest("tr.task")));
  });
  document.querySelectorAll("[data-open]").forEach((link) => {
    link.addEventListener("click", () => {
      const row = document.getElementById("task-" + link.dataset.open);
      if (row) toggleSource(row, true);
    });
  });
  const filter = document.getElementById("dept-filter");
  if (filter) filter.addEventListener("change", () => filter.form.submit());
}

function setupDrop() {
  document.querySelectorAll(".drop-zone").forEach((zone) => {
    const input = zone.querySelector("input[type=file]");
    ["dragenter", "dragover"].forEach((name) => zone.addEventListener(name, (event) => {
      event.preventDefault(); zone.classList.add("over");
    }));
    ["dragleave", "drop"].forEach((name) => zone.addEventListener(name, () => zone.classList.remove("over")));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      if (input && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        zone.querySelector("span").textContent = Array.from(input.files).map((f) => f.name).join("、");
      }
    });
    if (input) input.addEventListener("change", () => {
      if (input.files.length) zone.querySelector("span").textContent = Array.from(input.files).map((f) => f.name).join("、");
    });
  });
}

async function showQueue(plan) {
  const response = await fetch("/api/plans/" + plan + "/builds");
  if (!response.ok) return;
  const data = await response.json();
  const list = document.getElementById("build-queue");
  list.replaceChildren(...data.builds.map((t) => {
    const li = document.createElement("li");
    li.textContent = "生成 #" + t.ticket + ": " + t.label + (t.position ? " (前面还有 " + t.position + " 个)" : "");
    return li;
  }));
}

async function followBuild(plan, ticket) {
  const status = document.getElementById("build-status");
  const bar = document.getElementById("build-progress");
  const messages = document.getElementById("build-messages");
  const button = document.getElementById("build-button");
  bar.hidden = false;
  for (;;) {
    const response = await fetch("/api/builds/" + ticket);
    const t = await response.json();
    if (!response.ok) { status.textContent = t.error || "无法读取生成进度"; break; }
    status.textContent = t.label + (t.position ? " (前面还有 " + t.position + " 个)" : "") +
      (t.total ? " " + t.done + "/" + t.total : "");
    bar.max = Math.max(t.total, 1); bar.value = t.done;
    await showQueue(plan);
    if (t.state === "done" || t.state === "failed") {
      messages.replaceChildren();
      if (t.error) { const p = document.createElement("p"); p.className = "error"; p.textContent = t.error; messages.appendChild(p); }
      t.warnings.forEach((w) => { const p = document.createElement("p"); p.className = "muted"; p.textContent = "提示: " + w; messages.appendChild(p); });
      if (t.state === "done") {
        status.textContent = "已完成: 写入 " + t.written.length + " 个文件, 未变 " + t.unchanged + " 个, 删除 " + t.removed.length + " 个。";
        const list = await fetch("/plans/" + plan + "/generate");
        const html = new DOMParser().parseFromString(await list.text(), "text/html");
        const fresh = html.getElementById("file-list");
        if (fresh) document.getElementById("file-list").replaceWith(fresh);
        document.getElementById("zip-link").hidden = false;
      }
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  button.disabled = false;
}

function setupBuild() {
  const button = document.getElementById("build-button");
  if (!button) return;
  const plan = button.dataset.plan;
  button.addEventListener("click", async () => {
    button.disabled = true;
    document.getElementById("build-status").textContent = "排队等候";
    const response = await fetch("/api/plans/" + plan + "/builds", { method: "POST" });
    const t = await response.json();
    if (!response.ok) {
      document.getElementById("build-status").textContent = t.error;
      button.disabled = false;
      return;
    }
    followBuild(plan, t.ticket);
  });
  showQueue(plan);
  // a build from another tab shows here too
  setInterval(() => { if (!document.hidden) showQueue(plan); }, 3000);
}

ready(() => { setupReview(); setupDrop(); setupBuild(); });
