// The Navo chat panel. On any Navo page: <script src="/widget.js"></script> adds a "Chat with Navo" button that
// opens the panel. The studio mounts the same panel itself: <script src="/widget.js" data-mount="none"></script>,
// then NavoChat.mount(element, options). No framework; every text the server sends is set as text, never as markup
// (the analytics chart, an SVG, is copied element by element through a short list of what a chart needs).
(() => {
  const script = document.currentScript;

  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
    }
    node.append(...children);
    return node;
  };

  const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`);

  const problemText = async (response) => {
    try {
      const problem = await response.json();
      return problem.errors ? Object.values(problem.errors).flat().join(" ") : problem.detail ?? problem.title;
    } catch {
      return `Navo could not answer (${response.status}).`;
    }
  };

  /** Reads a text/event-stream body, calling onEvent(name, data) for each event. */
  const readEvents = async (response, onEvent) => {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value ?? new Uint8Array(), { stream: !done });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = "message";
        const data = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) name = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
        }
        onEvent(name, data.length ? JSON.parse(data.join("\n")) : {});
      }
      if (done) return;
    }
  };

  // The analytics chart is an SVG the server draws. It is copied into the page element by element, through this list
  // of what a chart needs: no other element or attribute (no script, no link, no event handler) can come through, and
  // its texts are set as text.
  const svgNs = "http://www.w3.org/2000/svg";
  const svgAllowed = {
    svg: ["viewBox", "width", "height", "role"], title: [], desc: [],
    g: ["aria-hidden", "fill", "font-family", "font-size"],
    line: ["x1", "y1", "x2", "y2", "stroke", "stroke-opacity"],
    rect: ["x", "y", "width", "height", "fill-opacity"],
    text: ["x", "y", "text-anchor"],
  };
  const copySvg = (node) => {
    if (node?.namespaceURI !== svgNs || !Object.hasOwn(svgAllowed, node.localName)) return null;
    const copy = document.createElementNS(svgNs, node.localName);
    for (const name of svgAllowed[node.localName]) if (node.hasAttribute(name)) copy.setAttribute(name, node.getAttribute(name));
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) copy.append(child.data);
      else copy.append(copySvg(child) ?? "");
    }
    return copy;
  };

  const share = (rate) => `${Math.round(rate * 1000) / 10}%`;
  const count = (n) => n.toLocaleString("en");

  /**
   * A site's analytics card for a period (7d, 30d, 90d, all): the daily visitors chart (an image to screen readers,
   * named and described by the server with the figures) and the headline figures as a list.
   */
  const analyticsCard = (projectId, period = "30d") => {
    const figure = el("figure", { class: "card analytics", "aria-busy": "true" });
    const caption = el("figcaption", {});
    figure.append(caption);
    (async () => {
      const base = `/api/v1/projects/${encodeURIComponent(projectId)}/analytics`;
      const query = `period=${encodeURIComponent(period)}`;
      try {
        const [report, chart] = await Promise.all([fetch(`${base}?${query}`, { headers: { Accept: "application/json" } }), fetch(`${base}/chart?${query}`)]);
        if (!report.ok || !chart.ok) throw new Error(await problemText(report.ok ? chart : report));
        const figures = await report.json();
        const svg = copySvg(new DOMParser().parseFromString(await chart.text(), "image/svg+xml").documentElement);
        if (svg) figure.prepend(svg);
        const rows = [
          ["Visitors", `${count(figures.visitors)}${period === "all" ? "" : ` (${count(figures.previous.visitors)} the period before)`}`],
          ["Page views", count(figures.pageviews)],
          ["Clicked a main button", `${share(figures.ctaClickRate)} (${count(figures.ctaClicks)} clicks)`],
          ["Sent the contact form", `${share(figures.conversionRate)} (${count(figures.formSubmissions)} messages)`],
        ];
        caption.append(el("dl", {}, ...rows.flatMap(([term, value]) => [el("dt", { text: term }), el("dd", { text: value })])));
      } catch (error) {
        caption.textContent = `The figures could not be shown: ${error.message}`;
      } finally {
        figure.removeAttribute("aria-busy");
      }
    })();
    return figure;
  };

  /**
   * An experiment card (from the start_experiment and conclude_experiment replies): each text with its visitors and
   * conversions in a table, and the chance the new text beats the original, or "not enough data yet" below the
   * minimum. Words carry everything; nothing is said by colour alone.
   */
  const experimentCard = (data) => {
    const status = { running: "running", applied: "ended: the new text was applied", kept: "ended: the original stays", stopped: "stopped" }[data.status] ?? data.status;
    const figure = el("figure", { class: "card experiment" });
    const row = (label, arm) => el("tr", {},
      el("th", { scope: "row", text: label }), el("td", { text: arm.text }),
      el("td", { text: count(arm.views) }), el("td", { text: count(arm.conversions) }),
      el("td", { text: arm.views > 0 ? share(arm.conversions / arm.views) : "–" }));
    const table = el("table", {},
      el("caption", { text: `Experiment on the ${data.field} (${status})` }),
      el("thead", {}, el("tr", {}, ...["Version", "Text", "Visitors", "Conversions", "Rate"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, row("Original", data.original), row("New text", data.variant)));
    const verdict = data.verdict === "not_enough_data"
      ? `Not enough data yet: each version needs at least ${count(data.minimumViewsPerArm)} visitors before Navo says which is better.`
      : `Chance the new text beats the original: ${share(data.chanceVariantBeatsOriginal)}.`
        + (data.verdict === "variant_wins" ? " The new text wins." : data.verdict === "original_wins" ? " The original wins." : " No winner yet.");
    figure.append(table, el("figcaption", { class: "verdict", text: verdict }));
    return figure;
  };

  /**
   * Mounts a chat panel in container. options: context() -> { projectId, sectionId }, onReply(response),
   * onPreview(card), storageKey (where the conversation id is kept for this tab), onFile(file) (photos may be added),
   * ready (a promise the page settles once it has opened its conversation; a message sent before then waits for it).
   */
  const mount = (container, options = {}) => {
    const storageKey = options.storageKey ?? "navo.conversation";
    const log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0" });
    const progress = el("progress", { max: "1", value: "0", hidden: true, "aria-label": "Building your site" });
    const selection = el("p", { class: "selection", hidden: true });
    const chips = el("div", { class: "chips", role: "group", "aria-label": "Suggestions" });
    const maxLength = options.maxLength ?? 4000;
    const box = el("textarea", { id: `navo-message-${newId()}`, rows: "2", placeholder: "Describe your business, or ask for a change" });
    const counter = el("span", { class: "counter", id: `${box.id}-count`, "aria-live": "polite" });
    box.setAttribute("aria-describedby", counter.id);
    const send = el("button", { type: "submit", class: "primary", text: "Send" });
    // Photos (where the page hosting the panel handles them, as the studio does): a button, or a file dropped on the chat.
    const picker = el("input", { type: "file", accept: "image/jpeg,image/png,image/webp", hidden: true, "aria-label": "Photo to add" });
    const addPhoto = el("button", { type: "button", class: "attach", text: "Add a photo", hidden: !options.onFile, onclick: () => picker.click() });
    picker.addEventListener("change", () => {
      if (picker.files?.[0]) options.onFile(picker.files[0]);
      picker.value = "";
    });
    const form = el("form", {}, el("label", { for: box.id, text: "Message" }), box, counter, addPhoto, picker, send);
    const panel = el("section", { class: "navo-chat", "aria-label": "Chat with Navo" }, log, progress, selection, chips, form);
    container.append(panel);
    if (options.onFile) {
      panel.addEventListener("dragover", (event) => event.preventDefault());
      panel.addEventListener("drop", (event) => {
        event.preventDefault();
        const file = event.dataTransfer?.files?.[0];
        if (file) options.onFile(file);
      });
    }

    // The photo the conversation is about until Navo has placed and described it: sent with each message, and kept
    // for this tab so that a reload does not forget the photo being asked about.
    let attachment = null;
    const remember = () => {
      const id = sessionStorage.getItem(storageKey);
      if (attachment && id) sessionStorage.setItem(`${storageKey}.photo`, JSON.stringify({ id, attachment }));
      else sessionStorage.removeItem(`${storageKey}.photo`);
    };

    let busy = false;
    // A message over the limit is not sent and not lost: the counter says how much to cut.
    const count = () => {
      const over = box.value.length - maxLength;
      counter.textContent = over > 0 ? `${box.value.length} / ${maxLength} characters: ${over} too many` : `${box.value.length} / ${maxLength}`;
      counter.classList.toggle("over", over > 0);
      send.disabled = busy || over > 0;
    };
    box.addEventListener("input", count);
    count();

    const say = (role, text) => {
      const bubble = el("div", { class: `message ${role}`, text });
      log.append(bubble);
      log.scrollTop = log.scrollHeight;
      return bubble;
    };

    const conversation = async () => {
      const known = sessionStorage.getItem(storageKey);
      if (known) return known;
      const response = await fetch("/api/v1/conversations", { method: "POST", headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(await problemText(response));
      const { id } = await response.json();
      sessionStorage.setItem(storageKey, id);
      return id;
    };

    // Confirmations still open; a new message answers (or sets aside) each of them.
    let answered = [];

    const renderCard = (card, bubble, offer) => {
      const data = card.data ?? {};
      if (card.type === "preview") {
        options.onPreview?.(data);
        if (!options.onPreview) bubble.after(el("p", { class: "card" }, el("a", { href: data.url, target: "_blank", rel: "noopener", text: "Open the preview" })));
      } else if (card.type === "live") {
        bubble.after(el("p", { class: "card" }, "Your site is live: ", el("a", { href: data.url, target: "_blank", rel: "noopener", text: "Open the live site" })));
      } else if (card.type === "confirm") {
        const yes = el("button", { type: "button", class: "primary", text: "Confirm" });
        const no = el("button", { type: "button", text: "Cancel" });
        const answer = (value) => { yes.disabled = no.disabled = true; ask(value, value === data.confirm ? "Yes" : "No", offer); };
        // Answered by typing instead: the buttons go quiet too.
        answered.push(() => { yes.disabled = no.disabled = true; });
        yes.addEventListener("click", () => answer(data.confirm));
        no.addEventListener("click", () => answer(data.cancel));
        bubble.after(el("div", { class: "card", role: "group", "aria-label": "Confirm" }, el("div", { class: "actions" }, yes, no)));
      } else if (card.type === "suggestions") {
        // The reply's text says each suggestion; the buttons answer it as typing would ("apply suggestion 2"), without
        // the offer: applying the first changes the site, and the second is still meant.
        const group = el("div", { class: "card", role: "group", "aria-label": "Suggestions" });
        for (const item of data.items ?? []) {
          const apply = el("button", { type: "button", class: "primary", text: `Apply ${item.number}`, "aria-label": `Apply suggestion ${item.number}: ${item.title}` });
          const dismiss = el("button", { type: "button", text: `Dismiss ${item.number}`, "aria-label": `Dismiss suggestion ${item.number}: ${item.title}` });
          const answer = (verb) => { apply.disabled = dismiss.disabled = true; ask(`${verb} suggestion ${item.number}`); };
          apply.addEventListener("click", () => answer("apply"));
          dismiss.addEventListener("click", () => answer("dismiss"));
          group.append(el("div", { class: "actions" }, apply, dismiss));
        }
        bubble.after(group);
      } else if (card.type === "analytics") {
        bubble.after(analyticsCard(data.projectId, data.period));
      } else if (card.type === "experiment") {
        bubble.after(experimentCard(data));
      } else if (card.type === "history") {
        const list = el("ol", {});
        for (const version of data.versions ?? []) list.append(el("li", { text: `Version ${version.version}: ${version.summary}` }));
        bubble.after(el("div", { class: "card" }, list));
      }
    };

    /**
     * Sends text (shown as `shown`) and renders the streamed answer; true when Navo took the message. A pressed
     * button or chip sends back the `offer` it came with, so Navo can refuse it if the site or the question moved on.
     */
    const ask = async (text, shown = text, offer = undefined) => {
      if (busy || !text.trim() || text.length > maxLength) return false;
      busy = true;
      send.disabled = true;
      // A message typed while the page is still opening its conversation waits for it, rather than being wiped by it.
      await options.ready;
      chips.replaceChildren();
      for (const quiet of answered) quiet();
      answered = [];
      say("user", shown);
      const bubble = say("assistant", "");
      bubble.setAttribute("aria-busy", "true");
      try {
        const context = { ...(options.context?.() ?? {}), ...(offer ? { offer } : {}), ...(attachment ? { assetId: attachment } : {}) };
        const response = await fetch(`/api/v1/conversations/${await conversation()}/messages`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
          body: JSON.stringify({ text, clientMessageId: newId(), context }),
        });
        if (!response.ok) {
          bubble.textContent = await problemText(response);
          if (response.status === 404) sessionStorage.removeItem(storageKey);
          return false;
        }

        await readEvents(response, (name, data) => {
          if (name === "progress") {
            progress.hidden = false;
            progress.max = data.total;
            progress.value = data.done;
          } else if (name === "delta") {
            bubble.textContent += data.text;
          } else if (name === "reply") {
            bubble.textContent = data.reply.text;
            for (const card of [...(data.reply.cards ?? [])].reverse()) renderCard(card, bubble, data.reply.offer);
            for (const action of data.reply.suggestedActions ?? []) {
              chips.append(el("button", { type: "button", text: action, onclick: () => ask(action, action, data.reply.offer) }));
            }
            attachment = data.reply.attachment ?? null;
            remember();
            options.onReply?.(data);
          } else if (name === "error") {
            bubble.textContent = data.detail ?? data.title ?? "Navo could not answer.";
            // A busy site (409) keeps the conversation; only one that is gone (404) is forgotten.
            if (data.status === 404) sessionStorage.removeItem(storageKey);
          }
        });
      } catch (error) {
        bubble.textContent = `Navo could not be reached: ${error.message}`;
        return false;
      } finally {
        bubble.removeAttribute("aria-busy");
        progress.hidden = true;
        busy = false;
        count();
        log.scrollTop = log.scrollHeight;
      }
      return true;
    };

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = box.value;
      if (busy || text.length > maxLength) return;
      box.value = "";
      count();
      // Not taken (too long, offline, refused): the text comes back to the box rather than being lost.
      if (!(await ask(text)) && !box.value) {
        box.value = text;
        count();
      }
    });
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
      }
    });

    return {
      ask,
      focus: () => box.focus(),
      /** The next message starts a new conversation (a new site is about to be described). */
      newConversation: () => {
        sessionStorage.removeItem(storageKey);
        attachment = null;
        remember();
        log.replaceChildren();
        chips.replaceChildren();
      },
      /**
       * Continues conversation `id` (a site's own), showing its turns so far. Their buttons are not offered again:
       * what they asked was answered, or the site has moved on since.
       */
      useConversation(id, turns = []) {
        sessionStorage.setItem(storageKey, id);
        const kept = JSON.parse(sessionStorage.getItem(`${storageKey}.photo`) ?? "null");
        attachment = kept?.id === id ? kept.attachment : null;
        log.replaceChildren();
        chips.replaceChildren();
        for (const turn of turns) {
          // Navo's own posts (the day's suggestions) answer no message.
          if (turn.userText) say("user", turn.userText);
          const bubble = say("assistant", turn.reply.text);
          const newest = turn === turns[turns.length - 1];
          for (const card of [...(turn.reply.cards ?? [])].reverse()) {
            // A list of suggestions is still open to answer when nothing was said after it.
            if (card.type === "live" || card.type === "history" || card.type === "analytics" || card.type === "experiment" || (card.type === "suggestions" && newest)) renderCard(card, bubble);
          }
        }
        if (attachment) say("assistant", "About the photo you added: where should it go, and what does it show?");
      },
      /**
       * A photo the owner just added: shown in the conversation, and sent with the next messages until Navo has placed
       * and described it. `question` is Navo's question about it, with `places` as suggestions.
       */
      attach(assetId, { name, thumbnail, question, places = [] }) {
        attachment = assetId;
        remember();
        const bubble = say("user", "");
        bubble.append(el("img", { src: thumbnail, alt: `Your photo ${name}`, class: "thumb", width: "160" }));
        say("assistant", question);
        chips.replaceChildren();
        for (const place of places) chips.append(el("button", { type: "button", text: place, onclick: () => ask(place) }));
        box.focus();
      },
      /** Shows which section the next message is about; null clears it. */
      setSelection(label, onClear) {
        selection.replaceChildren();
        selection.hidden = !label;
        if (label) selection.append(`Selected: ${label} `, el("button", { type: "button", text: "Clear selection", onclick: onClear }));
      },
      say,
    };
  };

  window.NavoChat = { mount, analyticsCard, experimentCard, share, count };

  // Anywhere but the studio: a button that opens the panel over the page.
  if (script?.dataset.mount !== "none") {
    const start = () => {
      const stylesheet = el("link", { rel: "stylesheet", href: "/navo.css" });
      const floating = el("div", { class: "navo-floating", id: "navo-chat-panel", role: "dialog", "aria-label": "Navo chat", hidden: true });
      const launcher = el("button", { type: "button", class: "primary navo-launcher", "aria-expanded": "false", "aria-controls": floating.id, text: "Chat with Navo" });
      document.head.append(stylesheet);
      document.body.append(floating, launcher);
      const chat = mount(floating, { storageKey: "navo.widget.conversation" });
      const toggle = (open) => {
        floating.hidden = !open;
        launcher.setAttribute("aria-expanded", String(open));
        if (open) chat.focus(); else launcher.focus();
      };
      launcher.addEventListener("click", () => toggle(floating.hidden));
      floating.addEventListener("keydown", (event) => { if (event.key === "Escape") toggle(false); });
    };
    if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
  }
})();
