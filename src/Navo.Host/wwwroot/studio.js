// The studio: the chat (widget.js) beside a live preview of the current version, with history, undo, publish,
// the site's visitors (analytics), the workspace's suggestion apply rates, a project switcher and click-to-select in
// the preview.
const $ = (id) => document.getElementById(id);
const state = { projectId: null, version: null, sectionId: null };

/** An element with attributes (text as its text) and children. */
const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
};

const api = async (path, init = {}) => {
  const response = await fetch(path, { ...init, headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}), ...init.headers } });
  if (response.status === 401) location.assign("/signin");
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.detail ?? body?.title ?? `The request failed (${response.status}).`);
  return body;
};

// Settled once the start below has opened the conversation: the chat holds a message sent before then.
let started;
const ready = new Promise((resolve) => (started = resolve));

const chat = window.NavoChat.mount($("chat"), {
  ready,
  storageKey: "navo.studio.conversation",
  onFile: (file) => uploadPhoto(file),
  context: () => ({ projectId: state.projectId ?? undefined, sectionId: state.sectionId ?? undefined }),
  onPreview: (card) => show(card.projectId, card.version),
  onReply: async (response) => {
    if (response.projectId && response.version) {
      if (![...$("project").options].some((o) => o.value === response.projectId)) await loadProjects(response.projectId);
      show(response.projectId, response.version);
    }
  },
});

/** Shows version `version` of project `projectId` in the preview. */
function show(projectId, version) {
  const changedProject = projectId !== state.projectId;
  state.projectId = projectId;
  // A reload opens the site that was on screen, not whichever changed last.
  sessionStorage.setItem("navo.studio.project", projectId);
  state.version = Number(version);
  $("project").value = projectId;
  for (const id of ["undo", "history", "analytics", "publish"]) $(id).disabled = false;
  $("empty").hidden = true;
  $("preview").hidden = false;
  if (changedProject) {
    clearSelection();
    $("live").hidden = true;
  }
  const url = `/preview/${projectId}/v/${version}/`;
  if ($("preview").getAttribute("src") !== url) $("preview").setAttribute("src", url);
}

// Click to select: the preview is this origin's, so the studio reaches into it; the page itself runs no script.
$("preview").addEventListener("load", () => {
  const page = $("preview").contentDocument;
  if (!page) return;
  for (const section of page.querySelectorAll("[data-section]")) {
    section.style.cursor = "pointer";
    if (section.dataset.section === state.sectionId) section.style.outline = "3px solid #f59e0b";
  }
  page.addEventListener("click", (event) => {
    const section = event.target.closest("[data-section]");
    if (!section) return;
    event.preventDefault();
    select(section.dataset.section, section.dataset.type);
  });
  page.documentElement.dataset.navoReady = String(state.version);
});

function select(sectionId, type) {
  state.sectionId = sectionId;
  const page = $("preview").contentDocument;
  for (const section of page?.querySelectorAll("[data-section]") ?? []) {
    section.style.outline = section.dataset.section === sectionId ? "3px solid #f59e0b" : "";
  }
  chat.setSelection(`the ${type} section`, clearSelection);
  chat.focus();
}

function clearSelection() {
  state.sectionId = null;
  for (const section of $("preview").contentDocument?.querySelectorAll("[data-section]") ?? []) section.style.outline = "";
  chat.setSelection(null);
}

async function loadProjects(selected) {
  const projects = await api("/api/v1/projects");
  const picker = $("project");
  picker.replaceChildren(new Option("New site", ""));
  for (const project of projects) picker.append(new Option(project.name, project.id));
  picker.value = selected ?? "";
  return projects;
}

/**
 * Adds a photo to the open site's library; the chat then asks where it goes ("use this as the main photo"). A file
 * Navo cannot take gets the server's reason in the chat, and nothing is stored.
 */
async function uploadPhoto(file) {
  if (!state.projectId) {
    chat.say("assistant", "Describe your business first, and I'll draft your site; then add your photos to it.");
    return;
  }
  const body = new FormData();
  body.append("file", file, file.name);
  const response = await fetch(`/api/v1/projects/${state.projectId}/assets`, { method: "POST", body, headers: { Accept: "application/json" } });
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    chat.say("assistant", answer?.detail ?? answer?.title ?? `That photo could not be added (${response.status}).`);
    return;
  }
  const smallest = [...(answer.variants ?? [])].sort((a, b) => a.width - b.width)[0];
  chat.attach(answer.id, {
    name: file.name,
    thumbnail: smallest?.url ?? "",
    question: "Got it. Where should this photo go, and what does it show? For example: \"use this as the main photo, it's our shop front\".",
    places: ["Main photo", "About section", "Gallery", "Logo"],
  });
}

// Photos dropped on the preview go the same way as those dropped on the chat.
$("preview-pane").addEventListener("dragover", (event) => event.preventDefault());
$("preview-pane").addEventListener("drop", (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files?.[0];
  if (file) uploadPhoto(file);
});

/** Opens the site's own conversation, with what was said so far, and says whether the site is live. */
async function openProject(id) {
  const project = await api(`/api/v1/projects/${id}`);
  const { id: conversationId } = await api("/api/v1/conversations", { method: "POST", body: JSON.stringify({ projectId: id }) });
  const turns = await api(`/api/v1/conversations/${conversationId}/messages`);
  chat.useConversation(conversationId, turns);
  show(project.id, project.version);
  if (project.published) showLive(`/s/${project.slug}/`);
}

function showLive(url) {
  const link = document.createElement("a");
  link.href = url;
  link.target = "_blank";
  link.rel = "noopener";
  link.textContent = new URL(url, location.href).href;
  $("live").replaceChildren("Live at ", link);
  $("live").hidden = false;
}

$("project").addEventListener("change", async (event) => {
  if (!event.target.value) {
    // A new site is a new conversation: what is said next is about it, not about the site open before.
    chat.newConversation();
    state.projectId = null;
    state.version = null;
    clearSelection();
    $("preview").hidden = true;
    $("empty").hidden = false;
    for (const id of ["undo", "history", "analytics", "publish"]) $(id).disabled = true;
    return;
  }
  await openProject(event.target.value);
});

for (const [id, mobile] of [["desktop", false], ["mobile", true]]) {
  $(id).addEventListener("click", () => {
    $("preview-pane").classList.toggle("mobile", mobile);
    $("desktop").setAttribute("aria-pressed", String(!mobile));
    $("mobile").setAttribute("aria-pressed", String(mobile));
  });
}

$("undo").addEventListener("click", async () => {
  try {
    const project = await api(`/api/v1/projects/${state.projectId}/operations`, { method: "POST", body: JSON.stringify({ operations: [{ op: "undo" }] }) });
    show(project.id, project.version);
    chat.say("assistant", "Undone: the preview shows the version before your last change.");
  } catch (error) {
    chat.say("assistant", error.message);
  }
});

// History: every version with its summary, a diff between any two, and restoring one.
$("history").addEventListener("click", async () => {
  const history = await api(`/api/v1/projects/${state.projectId}/history`);
  const list = $("history-list");
  list.replaceChildren();
  for (const entry of [...history].reverse()) {
    const restore = document.createElement("button");
    restore.type = "button";
    restore.textContent = "Restore this version";
    restore.setAttribute("aria-label", `Restore version ${entry.version}`);
    restore.disabled = entry.version === state.version;
    restore.addEventListener("click", async () => {
      const project = await api(`/api/v1/projects/${state.projectId}/revert`, { method: "POST", body: JSON.stringify({ version: entry.version }) });
      show(project.id, project.version);
      $("history-dialog").close();
      chat.say("assistant", `Restored version ${entry.version} as version ${project.version}.`);
    });
    const summary = document.createElement("span");
    summary.className = "summary";
    summary.textContent = `Version ${entry.version} — ${entry.summary}`;
    const item = document.createElement("li");
    item.append(summary, restore);
    list.append(item);
  }
  for (const id of ["diff-from", "diff-to"]) {
    $(id).replaceChildren(...history.map((entry) => new Option(`Version ${entry.version}`, entry.version)));
  }
  $("diff-from").value = String(Math.max(1, state.version - 1));
  $("diff-to").value = String(state.version);
  $("diff").hidden = true;
  $("history-dialog").showModal();
});

$("compare").addEventListener("click", async () => {
  const diff = await api(`/api/v1/projects/${state.projectId}/diff?from=${$("diff-from").value}&to=${$("diff-to").value}`);
  const out = $("diff");
  out.replaceChildren();
  const changes = document.createElement("ul");
  for (const change of diff.changes) {
    const item = document.createElement("li");
    item.textContent = change;
    changes.append(item);
  }
  out.append(changes);
  for (const line of diff.text.filter((l) => l.kind !== "unchanged")) {
    const p = document.createElement("p");
    p.className = line.kind;
    p.textContent = `${line.kind === "added" ? "After: " : "Before: "}${line.text}`;
    out.append(p);
  }
  if (diff.changes.length === 0) out.append("These versions are the same.");
  out.hidden = false;
});
$("history-close").addEventListener("click", () => $("history-dialog").close());

// Analytics: the site's visitors for a period, as the chat's analytics card draws them.
const showAnalytics = (period) => {
  for (const button of $("analytics-dialog").querySelectorAll("[data-period]")) button.setAttribute("aria-pressed", String(button.dataset.period === period));
  $("analytics-card").replaceChildren(window.NavoChat.analyticsCard(state.projectId, period));
};
$("analytics").addEventListener("click", () => {
  showAnalytics("7d");
  $("analytics-dialog").showModal();
});
for (const button of $("analytics-dialog").querySelectorAll("[data-period]")) button.addEventListener("click", () => showAnalytics(button.dataset.period));
$("analytics-close").addEventListener("click", () => $("analytics-dialog").close());

// Workspace: how the workspace's owners answered Navo's suggestions, overall and per kind.
const kindNames = {
  weak_button: "Clearer button words", missing_contact: "A contact section", missing_prices: "A price list",
  buried_contact: "Contact section moved up", heavy_page: "A lighter page", long_hero: "A shorter top of the page",
};
$("workspace").addEventListener("click", async () => {
  const out = $("workspace-rates");
  out.replaceChildren("Loading…");
  $("workspace-dialog").showModal();
  try {
    const rates = await api("/api/v1/workspace/suggestions");
    const { share, count } = window.NavoChat;
    const row = (name, r) => {
      const cells = [name, count(r.surfaced), count(r.applied), count(r.dismissed), r.surfaced > 0 ? share(r.applyRate) : "–"];
      return el("tr", {}, el("th", { scope: "row", text: cells[0] }), ...cells.slice(1).map((c) => el("td", { text: c })));
    };
    const summary = rates.surfaced === 0
      ? "Navo has not suggested anything in this workspace yet."
      : `${share(rates.applyRate)} of Navo's suggestions were applied (${count(rates.applied)} of ${count(rates.surfaced)}).`;
    out.replaceChildren(el("p", { id: "workspace-summary", text: summary }));
    if (rates.surfaced > 0) {
      out.append(el("table", {},
        el("caption", { text: "Suggestions by kind" }),
        el("thead", {}, el("tr", {}, ...["Kind", "Suggested", "Applied", "Dismissed", "Apply rate"].map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", {}, ...rates.kinds.map((k) => row(kindNames[k.kind] ?? k.kind, k))),
        el("tfoot", {}, row("All kinds", rates))));
    }
  } catch (error) {
    out.replaceChildren(`The figures could not be shown: ${error.message}`);
  }
});
$("workspace-close").addEventListener("click", () => $("workspace-dialog").close());

// Publish: one confirmation, then the live address.
// Before asking, the dialog says what the live site will leave out and whether the business still has no name, as the
// chat's "publish it" does.
$("publish").addEventListener("click", async () => {
  const project = await api(`/api/v1/projects/${state.projectId}`).catch(() => null);
  $("publish-unnamed").hidden = project?.named !== false;
  $("publish-sample").hidden = !project?.sampleLeftOut;
  $("publish-sample").textContent = project?.sampleLeftOut
    ? `It still has sample content, which the live site leaves out until you replace it: ${project.sampleLeftOut}.`
    : "";
  $("publish-dialog").showModal();
});
$("publish-cancel").addEventListener("click", () => $("publish-dialog").close());
$("publish-confirm").addEventListener("click", async () => {
  $("publish-dialog").close();
  try {
    const published = await api(`/api/v1/projects/${state.projectId}/publish`, { method: "POST", body: "{}" });
    showLive(published.live.url);
    chat.say("assistant", published.message);
  } catch (error) {
    chat.say("assistant", error.message);
  }
});

$("signout").addEventListener("click", async () => {
  await fetch("/api/v1/auth/logout", { method: "POST" });
  sessionStorage.clear();
  location.assign("/");
});

// Start: who is signed in, and the most recently changed project with its conversation.
try {
  await api("/api/v1/me");
  const projects = await loadProjects();
  if (projects.length > 0) {
    const onScreen = sessionStorage.getItem("navo.studio.project");
    await openProject(projects.some((p) => p.id === onScreen) ? onScreen : projects[0].id);
  } else {
    chat.newConversation();
  }
} finally {
  started();
}
chat.focus();
