/*
 * The DL Tutor chat widget. A course site adds one tag:
 *
 *   <script src="https://TUTOR_HOST/widget.js" defer
 *           data-title="DL Tutor" data-greeting="Hi! Ask me about the course."
 *           data-position="right" data-color="#4f46e5"></script>
 *
 * and gets a launcher button and a chat panel that talk to the service the script came from.
 *
 * Why it is built the way it is:
 * - Plain JavaScript in one file, no build step and nothing loaded from anywhere else: the
 *   service sends replies as HTML with the formulas already converted to MathML, which
 *   browsers render natively, so no math library has to reach the course site.
 * - Everything lives in an open shadow root on a custom element, so the course site's CSS
 *   cannot restyle the widget (`:host { all: initial }` also stops inherited fonts and colours)
 *   and the widget's CSS, injected into that root, cannot leak out.
 * - Nothing from the service is ever inserted as markup. Text goes in with textContent; reply
 *   HTML, although the service sanitises it, is parsed with DOMParser and rebuilt element by
 *   element from an allowlist of tags and attributes (HTML and MathML), so a compromised or
 *   buggy reply cannot run script on the course site.
 * - The conversation (session id and messages) is kept in localStorage under the service's
 *   address, so it survives a reload and follows the student from page to page of the site.
 * - Practice questions: a multiple-choice question's statements become checkboxes with a
 *   "Check answer" button that sends the ticked numbers as the student's next message ("2, 3
 *   and 5"), exactly what the student could have typed; the service grades it like any answer.
 * - Drawings (graphical models) are images: the SVG a calculation returns goes into an <img>
 *   as a data: URL, and an entry's drawing is loaded from the service's graph.svg address.
 *   An <img> runs no script and loads nothing else, so service SVG never becomes markup here;
 *   the alt text spells out the nodes and arrows.
 * - Answers take the panel's width. A formula cannot wrap inside itself: the service cuts long
 *   ones after their relations and keeps punctuation with its formula, and whatever is still
 *   too wide scrolls sideways in a box with a fade and an arrow at the edge that hides more.
 * - A question that gets no answer (offline, the service down) is taken back: the typed text
 *   returns to the textbox and a "Retry" button sends it again.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || document.querySelector("dl-tutor-widget")) {
    return; // no way to know the service's address, or the widget is on the page already
  }

  var SERVICE = new URL("./", script.src).href;
  var STORAGE_KEY = "dl-tutor:v1:" + SERVICE;
  var OPEN_KEY = "dl-tutor:open:" + SERVICE;
  var MAX_STORED_MESSAGES = 100;
  var MAX_MESSAGE_LENGTH = 2000;
  var HTML_NS = "http://www.w3.org/1999/xhtml";
  var MATHML_NS = "http://www.w3.org/1998/Math/MathML";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var GRAPHICAL_MODEL = "graphical-model"; // the calculator that draws factorisations
  var DEFAULT_PLACEHOLDER = "Ask a question…";

  var options = {
    title: script.dataset.title || "Course tutor",
    greeting: script.dataset.greeting ||
      "Hi! I'm the course tutor. Ask me about anything in the course, or give me numbers " +
      "to work out, such as the output size of a convolution.",
    position: script.dataset.position === "left" ? "left" : "right",
    color: validColor(script.dataset.color) || "#4338ca"
  };

  // --- what reply HTML may contain (the service's allowlist, checked again here) -----------

  var HTML_TAGS = setOf("p br wbr strong em b i code pre ul ol li blockquote a h1 h2 h3 h4 h5 h6 " +
                        "hr del s sub sup span table thead tbody tr th td");
  var MATHML_TAGS = setOf("math mrow mi mo mn ms mtext mspace msub msup msubsup mfrac msqrt " +
                          "mroot mover munder munderover mtable mtr mtd mstyle mpadded " +
                          "mphantom menclose merror mmultiscripts mprescripts none semantics");
  // Dropped with everything inside them; any other unknown element keeps only its content.
  var DROPPED_TAGS = setOf("script style template iframe object embed noscript textarea " +
                           "select option form input button link meta title svg annotation " +
                           "annotation-xml");
  var MATHML_COMMON = ["mathvariant", "displaystyle", "scriptlevel", "dir"];
  var ATTRIBUTES = {
    a: ["href", "title"], ol: ["start"], th: ["align"], td: ["align"],
    span: ["class"], code: ["class"],
    math: ["display"].concat(MATHML_COMMON),
    mo: ["stretchy", "fence", "form", "minsize", "maxsize", "separator", "lspace", "rspace",
         "largeop", "movablelimits", "symmetric"].concat(MATHML_COMMON),
    mover: ["accent"].concat(MATHML_COMMON),
    munder: ["accentunder"].concat(MATHML_COMMON),
    munderover: ["accent", "accentunder"].concat(MATHML_COMMON),
    mspace: ["width", "height", "depth"],
    mpadded: ["width", "height", "depth", "lspace", "voffset"],
    mfrac: ["linethickness"].concat(MATHML_COMMON),
    mtable: ["columnalign", "rowalign", "columnspacing", "rowspacing", "columnlines",
             "rowlines", "frame"].concat(MATHML_COMMON),
    mtr: ["columnalign", "rowalign"],
    mtd: ["columnalign", "rowalign", "columnspan", "rowspan"],
    menclose: ["notation"]
  };
  ["mi", "mn", "mrow", "mstyle", "mtext", "msub", "msup", "msubsup", "msqrt", "mroot"]
    .forEach(function (tag) { ATTRIBUTES[tag] = MATHML_COMMON; });

  function setOf(words) {
    var set = Object.create(null);
    words.split(" ").forEach(function (word) { set[word] = true; });
    return set;
  }

  /** A DocumentFragment holding `html` rebuilt from allowed elements and attributes only. */
  function sanitizedFragment(html) {
    var parsed = new DOMParser().parseFromString(String(html), "text/html");
    var fragment = document.createDocumentFragment();
    copyChildren(parsed.body, fragment);
    return fragment;
  }

  function copyChildren(from, to) {
    for (var node = from.firstChild; node; node = node.nextSibling) {
      var copy = cleanNode(node);
      if (copy) {
        to.appendChild(copy);
      }
    }
  }

  function cleanNode(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      return document.createTextNode(node.data);
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return null; // comments, processing instructions
    }
    var tag = node.localName;
    var element;
    if (node.namespaceURI === HTML_NS && HTML_TAGS[tag]) {
      element = document.createElement(tag);
    } else if (node.namespaceURI === MATHML_NS && MATHML_TAGS[tag]) {
      element = document.createElementNS(MATHML_NS, tag);
    } else if (DROPPED_TAGS[tag] ||
               (node.namespaceURI !== HTML_NS && node.namespaceURI !== MATHML_NS)) {
      return null;
    } else {
      var unwrapped = document.createDocumentFragment();
      copyChildren(node, unwrapped);
      return unwrapped;
    }
    (ATTRIBUTES[tag] || []).forEach(function (name) {
      var value = node.getAttribute(name);
      if (value !== null && !(name === "href" && !safeUrl(value))) {
        element.setAttribute(name, value);
      }
    });
    if (tag === "a" && element.hasAttribute("href")) {
      element.setAttribute("target", "_blank");
      element.setAttribute("rel", "noopener noreferrer nofollow");
    }
    copyChildren(node, element);
    return element;
  }

  function safeUrl(value) {
    // Absolute http(s) and mailto links only: a relative one would point into the course site.
    try {
      var protocol = new URL(value).protocol;
      return protocol === "https:" || protocol === "http:" || protocol === "mailto:";
    } catch (error) {
      return false;
    }
  }

  function validColor(value) {
    return value && window.CSS && CSS.supports("color", value) ? value : null;
  }

  // --- small DOM helpers --------------------------------------------------------------------

  function el(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") {
        element.textContent = attributes.text;
      } else {
        element.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) { element.appendChild(child); });
    return element;
  }

  function icon(pathData) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", pathData);
    svg.appendChild(path);
    return svg;
  }

  var ICONS = {
    chat: "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 " +
          "6a1.3 1.3 0 1 0 0 2.6A1.3 1.3 0 0 0 7 10zm5 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 " +
          "0-2.6zm5 0a1.3 1.3 0 1 0 0 2.6 1.3 1.3 0 0 0 0-2.6z",
    close: "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 " +
           "10.6 12 5 6.4z",
    restart: "M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z",
    send: "M3 20.5 21 12 3 3.5v6.6L15 12 3 13.9z",
    up: "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 " +
        "7.6c-.4.4-.6.9-.6 1.4v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z",
    down: "M22 3h-4v12h4V3zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.4 1.1l1.1 1 6.6-6.6c.4-" +
          ".4.6-.9.6-1.4V5a2 2 0 0 0-2-2H7c-.8 0-1.5.5-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2z"
  };

  // --- styles (injected into the shadow root; nothing reaches the page) ---------------------

  var STYLES = [
    ":host { all: initial; }",
    ".root { --dlt-accent: #4338ca; --dlt-on-accent: #fff; --dlt-side: 20px;",
    "  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans',",
    "    'DejaVu Sans', sans-serif; color: #1f2430; }",
    ".root *, .root *::before, .root *::after { box-sizing: border-box; }",
    "button { font: inherit; color: inherit; cursor: pointer; }",
    "svg { width: 20px; height: 20px; fill: currentColor; flex: none; }",
    ":focus-visible { outline: 3px solid var(--dlt-accent); outline-offset: 2px; }",
    ".sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;",
    "  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }",
    ".launcher { position: fixed; bottom: var(--dlt-side); z-index: 2147483000;",
    "  width: 58px; height: 58px; border-radius: 50%; border: 0; padding: 0;",
    "  display: flex; align-items: center; justify-content: center;",
    "  background: var(--dlt-accent); color: var(--dlt-on-accent);",
    "  box-shadow: 0 6px 20px rgba(15, 23, 42, .28); transition: transform .15s; }",
    ".launcher:hover { transform: scale(1.06); }",
    ".launcher svg { width: 28px; height: 28px; }",
    ".right .launcher, .right .panel { right: var(--dlt-side); }",
    ".left .launcher, .left .panel { left: var(--dlt-side); }",
    ".panel { position: fixed; bottom: calc(var(--dlt-side) + 72px); z-index: 2147483001;",
    "  width: 390px; height: min(640px, calc(100vh - 120px)); max-height: calc(100dvh - 120px);",
    "  display: flex; flex-direction: column; overflow: hidden; background: #fff;",
    "  border-radius: 16px; border: 1px solid rgba(15, 23, 42, .08);",
    "  box-shadow: 0 16px 48px rgba(15, 23, 42, .28); }",
    ".panel[hidden] { display: none; }",
    "header { display: flex; align-items: center; gap: 8px; padding: 12px 10px 12px 16px;",
    "  background: var(--dlt-accent); color: var(--dlt-on-accent); }",
    "header h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 600; line-height: 1.3;",
    "  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }",
    "header button { display: flex; border: 0; background: transparent; padding: 6px;",
    "  border-radius: 8px; color: inherit; }",
    "header button:hover { background: rgba(255, 255, 255, .18); }",
    "header button:focus-visible { outline-color: currentColor; outline-offset: -2px; }",
    ".scroller { flex: 1; overflow-y: auto; padding: 14px 12px 6px; background: #f7f8fb;",
    "  overscroll-behavior: contain; }",
    ".log { display: flex; flex-direction: column; gap: 10px; }",
    ".msg { display: flex; flex-direction: column; max-width: 88%; min-width: 0; }",
    ".msg--user { align-self: flex-end; align-items: flex-end; }",
    ".msg--tutor { align-self: stretch; max-width: 100%; }", // answers take the panel's width
    ".msg--greeting { align-self: flex-start; max-width: 88%; }",
    ".msg--error { align-self: flex-start; }",
    ".bubble { padding: 9px 13px; border-radius: 16px; overflow-wrap: anywhere;",
    "  min-width: 0; max-width: 100%; overflow-x: auto; }",
    ".msg--user .bubble { background: var(--dlt-accent); color: var(--dlt-on-accent);",
    "  border-bottom-right-radius: 4px; white-space: pre-wrap; }",
    ".msg--tutor .bubble { background: #fff; border: 1px solid #e3e6ee;",
    "  border-bottom-left-radius: 4px; }",
    ".msg--error .bubble { background: #fdecec; color: #8a1c1c; border: 1px solid #f3c4c4; }",
    ".retry { display: flex; align-items: center; gap: 6px; margin-top: 8px; border: 0;",
    "  border-radius: 10px; padding: 6px 13px 6px 10px; background: #8a1c1c; color: #fff;",
    "  font-weight: 600; }",
    ".retry svg { width: 16px; height: 16px; }",
    ".retry:hover:not(:disabled) { background: #6f1515; }",
    ".retry:disabled { opacity: .5; cursor: default; }",
    ".msg--clarify .bubble { border-left: 4px solid var(--dlt-accent); }",
    ".who { font-size: 12px; color: #5b6275; margin: 0 4px 3px; }",
    ".bubble > :first-child { margin-top: 0; }",
    ".bubble > :last-child { margin-bottom: 0; }",
    ".bubble p, .bubble ul, .bubble ol, .bubble pre, .bubble blockquote { margin: 0 0 .6em; }",
    ".bubble ul, .bubble ol { padding-left: 1.3em; }",
    ".bubble li + li { margin-top: .25em; }",
    ".bubble code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: .9em;",
    "  background: #eef0f5; border-radius: 4px; padding: .05em .3em; }",
    ".bubble pre { background: #eef0f5; padding: 8px; border-radius: 8px; min-width: 100%;",
    "  width: max-content; }",
    ".bubble pre code { background: none; padding: 0; }",
    ".bubble a { color: var(--dlt-accent); }",
    ".bubble table { border-collapse: collapse; }",
    ".bubble th, .bubble td { border: 1px solid #d9dde7; padding: 3px 6px; }",
    ".bubble blockquote { border-left: 3px solid #d9dde7; padding-left: 10px; color: #444b5c; }",
    "math { font-family: math, 'STIX Two Math', 'Latin Modern Math', 'Cambria Math', serif;",
    "  font-size: 1.08em; }",
    "math[display=block] { display: block math; margin: 0; }",
    // A formula and the punctuation touching it ("$x$,") share a line; a long displayed
    // formula comes cut after its relations, its pieces wrapping like words.
    ".nobreak { white-space: nowrap; }",
    ".math-display { display: block; text-align: center; }",
    // What is still too wide scrolls sideways in a box, and a fade at the edge says so.
    ".wide { display: block; position: relative; margin: .5em 0; }",
    ".wide--inline { display: inline-block; max-width: 100%; margin: 0; vertical-align: middle; }",
    ".wide-scroll { display: block; overflow-x: auto; overflow-y: hidden; padding: 2px 1px;",
    "  scrollbar-width: thin; scrollbar-color: #b7bdcc transparent; border-radius: 4px; }",
    ".wide::before, .wide::after { position: absolute; top: 0; bottom: 0; width: 40px;",
    "  display: flex; align-items: center; pointer-events: none; opacity: 0;",
    "  transition: opacity .15s; font: 700 24px/1 system-ui, sans-serif;",
    "  color: var(--dlt-accent); }",
    ".wide::before { content: '\\2039'; content: '\\2039' / ''; left: 0; padding-left: 1px;",
    "  background: linear-gradient(to right, #fff 35%, rgba(255, 255, 255, 0)); }",
    ".wide::after { content: '\\203A'; content: '\\203A' / ''; right: 0; padding-right: 1px;",
    "  justify-content: flex-end;",
    "  background: linear-gradient(to left, #fff 35%, rgba(255, 255, 255, 0)); }",
    ".wide.more-left::before, .wide.more-right::after { opacity: 1; }",
    ".wide-scroll:focus-visible { outline-offset: 0; }",
    ".steps-label { display: block; font-size: 12px; font-weight: 600; letter-spacing: .02em;",
    "  text-transform: uppercase; color: #5b6275; margin-bottom: 2px; }",
    ".msg--calculation .bubble ul { list-style: none; counter-reset: step; padding: 8px 10px;",
    "  background: #f3f4fa; border-left: 3px solid var(--dlt-accent); border-radius: 6px; }",
    ".msg--calculation .bubble ul li { counter-increment: step; padding-left: 1.6em;",
    "  position: relative; }",
    ".msg--calculation .bubble ul li::before { content: counter(step) '.'; position: absolute;",
    "  left: 0; color: #5b6275; font-variant-numeric: tabular-nums; }",
    ".msg--calculation.msg--drawn .bubble ul li::before { content: '•'; left: .45em; }",
    ".chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 7px; }",
    ".chips-label { width: 100%; font-size: 12px; color: #5b6275; }",
    ".chip { text-align: left; border: 1px solid var(--dlt-accent); background: #fff;",
    "  color: var(--dlt-accent); border-radius: 14px; padding: 5px 11px; font-size: 13.5px;",
    "  line-height: 1.35; max-width: 100%; overflow-wrap: anywhere;",
    "  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3;",
    // clipped at the text, not the padding, where a tall formula's fourth line would peek out
    "  overflow: hidden; overflow: clip; overflow-clip-margin: content-box; }",
    ".chip:hover { background: var(--dlt-accent); color: var(--dlt-on-accent); }",
    ".chip:disabled { opacity: .55; cursor: default; }",
    ".choices { border: 0; margin: 6px 0 .7em; padding: 0; min-width: 0; display: flex;",
    "  flex-direction: column; gap: 6px; }",
    ".choices legend { padding: 0; margin-bottom: 4px; font-size: 12px; font-weight: 600;",
    "  color: #5b6275; }",
    ".choice { display: flex; gap: 8px; align-items: flex-start; padding: 7px 10px;",
    "  border: 1px solid #d9dde7; border-radius: 10px; background: #fff; cursor: pointer; }",
    ".choice:hover { border-color: var(--dlt-accent); }",
    ".choice.picked { border-color: var(--dlt-accent); background: #eef0fb;",
    "  box-shadow: inset 0 0 0 1px var(--dlt-accent); }",
    ".choice:focus-within { outline: 3px solid var(--dlt-accent); outline-offset: 1px; }",
    ".choice input { margin: 3px 0 0; width: 16px; height: 16px; flex: none;",
    "  accent-color: var(--dlt-accent); }",
    ".choice input:focus-visible { outline: none; }",
    ".choice-n { flex: none; white-space: nowrap; font-weight: 600;",
    "  font-variant-numeric: tabular-nums; }",
    ".check { align-self: flex-start; margin-top: 2px; border: 0; border-radius: 10px;",
    "  padding: 7px 14px; background: var(--dlt-accent); color: var(--dlt-on-accent);",
    "  font-weight: 600; }",
    ".choices:disabled .choice { cursor: default; background: #f7f8fb; }",
    ".choices:disabled .check { opacity: .5; cursor: default; }",
    ".drawing { margin: 8px 0 2px; }",
    ".drawing img { display: block; max-width: 100%; height: auto; border: 1px solid #e3e6ee;",
    "  border-radius: 8px; background: #fff; }",
    ".drawing-note { font-size: 12.5px; color: #5b6275; }",
    ".rate { display: flex; align-items: center; gap: 2px; margin-top: 4px; }",
    ".rate button { display: flex; border: 0; background: transparent; padding: 5px;",
    "  border-radius: 8px; color: #7a8194; }",
    ".rate button svg { width: 16px; height: 16px; }",
    ".rate button:hover:not(:disabled) { background: #e8eaf2; color: #1f2430; }",
    ".rate button[aria-pressed=true] { color: var(--dlt-accent); background: #e8eaf6; }",
    ".rate button:disabled { cursor: default; }",
    ".rate-note { font-size: 12px; color: #5b6275; margin-left: 4px; }",
    ".typing { align-self: flex-start; display: flex; gap: 4px; padding: 12px 14px;",
    "  margin-top: 10px; background: #fff; border: 1px solid #e3e6ee; border-radius: 16px;",
    "  border-bottom-left-radius: 4px; width: max-content; }",
    ".typing[hidden] { display: none; }",
    ".typing span[aria-hidden] { width: 7px; height: 7px; border-radius: 50%;",
    "  background: #9aa1b2; animation: dlt-bounce 1.2s infinite ease-in-out; }",
    ".typing span[aria-hidden]:nth-child(2) { animation-delay: .15s; }",
    ".typing span[aria-hidden]:nth-child(3) { animation-delay: .3s; }",
    "@keyframes dlt-bounce { 0%, 60%, 100% { transform: translateY(0); opacity: .5; }",
    "  30% { transform: translateY(-5px); opacity: 1; } }",
    "@media (prefers-reduced-motion: reduce) { .typing span[aria-hidden] { animation: none; }",
    "  .launcher { transition: none; } }",
    "form { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px;",
    "  border-top: 1px solid #e3e6ee; background: #fff; margin: 0; }",
    "textarea { flex: 1; resize: none; font: inherit; color: inherit; min-height: 42px;",
    "  max-height: 140px; padding: 9px 12px; border: 1px solid #c9cedb; border-radius: 12px;",
    "  background: #fff; line-height: 1.4; }",
    "textarea:focus { border-color: var(--dlt-accent); outline: 2px solid var(--dlt-accent);",
    "  outline-offset: -1px; }",
    ".send { display: flex; align-items: center; justify-content: center; width: 42px;",
    "  height: 42px; border: 0; border-radius: 12px; background: var(--dlt-accent);",
    "  color: var(--dlt-on-accent); flex: none; }",
    ".send:disabled { opacity: .5; cursor: default; }",
    ".hint { font-size: 11.5px; color: #6b7285; padding: 0 14px 8px; background: #fff; }",
    // Keyboard hints mean nothing on a phone or tablet (no Shift, no Escape).
    "@media (hover: none) and (pointer: coarse) { .hint { display: none; } }",
    "@media (max-width: 480px) {",
    "  .panel { left: 0 !important; right: 0 !important; top: 0; bottom: 0; width: 100%;",
    "    height: 100%; max-height: none; border-radius: 0; border: 0; }",
    "  .open .launcher { display: none; }",
    "  .msg--user, .msg--error, .msg--greeting { max-width: 94%; }",
    "}"
  ].join("\n");

  // --- state ---------------------------------------------------------------------------------

  var state = loadState();
  var busy = false;
  var conversation = 0; // bumped by "new conversation", so a late reply is not misfiled
  var choiceSets = []; // {message, fieldset} of each multiple-choice question on screen
  var retryButtons = []; // {message, button} of each "Retry" on screen
  var nodes = new WeakMap(); // message -> its element in the log

  function loadState() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      if (saved && Array.isArray(saved.messages)) {
        return { sessionId: typeof saved.sessionId === "string" ? saved.sessionId : null,
                 messages: saved.messages };
      }
    } catch (error) {
      // storage blocked (privacy mode) or a corrupt entry: start a new conversation
    }
    return { sessionId: null, messages: [] };
  }

  function saveState() {
    state.messages = state.messages.slice(-MAX_STORED_MESSAGES);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) {
      // storage full or blocked: the conversation still works, it just won't survive a reload
    }
  }

  function rememberOpen(open) {
    try {
      window.sessionStorage.setItem(OPEN_KEY, open ? "1" : "");
    } catch (error) { /* see saveState */ }
  }

  function wasOpen() {
    try {
      return window.sessionStorage.getItem(OPEN_KEY) === "1";
    } catch (error) {
      return false;
    }
  }

  // --- the interface -------------------------------------------------------------------------

  var host = document.createElement("dl-tutor-widget");
  var shadow = host.attachShadow({ mode: "open" });
  var style = document.createElement("style");
  style.textContent = STYLES;

  var root = el("div", { "class": "root " + options.position });
  var launcher = el("button", { type: "button", "class": "launcher",
                                "aria-label": launcherLabel(false),
                                "aria-expanded": "false", "aria-controls": "dlt-panel" },
                    [icon(ICONS.chat)]);
  var closeButton = el("button", { type: "button", "aria-label": "Close the tutor",
                                   title: "Close" }, [icon(ICONS.close)]);
  var restartButton = el("button", { type: "button", "aria-label": "Start a new conversation",
                                     title: "New conversation" }, [icon(ICONS.restart)]);
  var log = el("div", { "class": "log", role: "log", "aria-live": "polite",
                        "aria-relevant": "additions", "aria-label": "Conversation" });
  var typing = el("div", { "class": "typing", role: "status", hidden: "" }, [
    el("span", { "class": "sr-only", text: "The tutor is typing…" }),
    el("span", { "aria-hidden": "true" }), el("span", { "aria-hidden": "true" }),
    el("span", { "aria-hidden": "true" })
  ]);
  var scroller = el("div", { "class": "scroller" }, [log, typing]);
  var input = el("textarea", { id: "dlt-input", rows: "1", maxlength: String(MAX_MESSAGE_LENGTH),
                               placeholder: DEFAULT_PLACEHOLDER, autocomplete: "off",
                               "aria-describedby": "dlt-hint" });
  var sendButton = el("button", { type: "submit", "class": "send", "aria-label": "Send" },
                      [icon(ICONS.send)]);
  var form = el("form", {}, [
    el("label", { "for": "dlt-input", "class": "sr-only", text: "Message to the tutor" }),
    input, sendButton
  ]);
  var hint = el("div", { id: "dlt-hint", "class": "hint",
                         text: "Enter sends, Shift+Enter adds a line, Escape closes." });
  // On a touch screen the keyboard hints are hidden (see the styles), and not read out either.
  var touchOnly = window.matchMedia && window.matchMedia("(hover: none) and (pointer: coarse)");
  describeKeys();
  if (touchOnly && touchOnly.addEventListener) {
    touchOnly.addEventListener("change", describeKeys);
  }

  function describeKeys() {
    if (touchOnly && touchOnly.matches) {
      input.removeAttribute("aria-describedby");
    } else {
      input.setAttribute("aria-describedby", "dlt-hint");
    }
  }
  var panel = el("section", { id: "dlt-panel", "class": "panel", role: "dialog",
                              "aria-label": options.title, hidden: "" }, [
    el("header", {}, [el("h2", { text: options.title }), restartButton, closeButton]),
    scroller, form, hint
  ]);
  root.appendChild(panel);
  root.appendChild(launcher);
  shadow.appendChild(style);
  shadow.appendChild(root);

  function launcherLabel(open) {
    // The accessible name always says "tutor", whatever the site calls it.
    var name = /tutor/i.test(options.title) ? options.title
      : "course tutor (" + options.title + ")";
    return (open ? "Close " : "Open ") + name;
  }

  function textColorOn(color) {
    // Dark text on light theme colours, white on dark ones (WCAG relative luminance).
    var probe = document.createElement("span");
    probe.style.color = color;
    document.body.appendChild(probe);
    var rgb = getComputedStyle(probe).color.match(/rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/);
    probe.remove();
    if (!rgb) {
      return "#fff";
    }
    var channels = rgb.slice(1, 4).map(function (value) {
      var c = Number(value) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    return luminance > 0.45 ? "#111827" : "#fff";
  }

  // --- rendering messages --------------------------------------------------------------------

  function renderAll() {
    log.textContent = "";
    choiceSets = [];
    retryButtons = [];
    if (fitter) {
      fitter.disconnect();
    }
    log.appendChild(tutorNode({ kind: "greeting", reply: options.greeting }));
    state.messages.forEach(function (message) { log.appendChild(messageNode(message)); });
    refreshPractice();
    refreshRetries();
    fitWideIn(log);
    scrollToEnd();
  }

  function messageNode(message) {
    var node = buildMessageNode(message);
    nodes.set(message, node);
    return node;
  }

  function buildMessageNode(message) {
    if (message.role === "user") {
      var bubble = el("div", { "class": "bubble" });
      if (message.html) {
        bubble.appendChild(sanitizedFragment(message.html));
      } else {
        bubble.textContent = message.text;
      }
      return el("div", { "class": "msg msg--user" },
                [el("span", { "class": "sr-only", text: "You said:" }), bubble]);
    }
    if (message.role === "error") {
      var errorBubble = el("div", { "class": "bubble" }, [el("p", { text: message.text })]);
      if (message.retry) {
        errorBubble.appendChild(retryButton(message));
      }
      return el("div", { "class": "msg msg--error" }, [
        el("span", { "class": "sr-only", text: "Error:" }), errorBubble
      ]);
    }
    return tutorNode(message);
  }

  /** "Retry": send again the question that never reached the tutor. */
  function retryButton(message) {
    var button = el("button", { type: "button", "class": "retry" },
                    [icon(ICONS.restart), el("span", { text: "Retry" })]);
    button.addEventListener("click", function () {
      if (busy || !message.retry) {
        return;
      }
      var question = message.retry;
      if (input.value.trim() === question.text) {
        input.value = ""; // it is on its way again
        fitInput();
      }
      input.focus(); // the button goes away with its message; keep the keyboard here
      send(question.text, question.html, question.typed);
    });
    retryButtons.push({ message: message, button: button });
    return button;
  }

  function tutorNode(message) {
    var node = el("div", { "class": "msg msg--tutor msg--" + message.kind +
                                    (message.drawing ? " msg--drawn" : "") });
    node.appendChild(el("span", { "class": "who", text: options.title }));
    var bubble = el("div", { "class": "bubble" });
    if (message.kind === "calculation") {
      bubble.appendChild(el("span", { "class": "steps-label",
                                      text: message.drawing ? "Drawing" : "Worked calculation" }));
    }
    if (message.html) {
      bubble.appendChild(sanitizedFragment(message.html));
    } else {
      bubble.appendChild(document.createTextNode(message.reply));
    }
    var practice = message.practice;
    if (practice && practice.kind === "choice" && !practice.graded && practice.choices) {
      placeChoices(bubble, choiceSet(message));
    }
    if (message.drawing) {
      bubble.appendChild(drawingNode(message.drawing, node));
    }
    boxWideContent(bubble);
    node.appendChild(bubble);
    var suggestions = message.suggestions || [];
    if (suggestions.length) {
      var label = message.kind === "clarify" ? "Did you mean:" : "Related questions:";
      var chips = el("div", { "class": "chips", role: "group", "aria-label": label },
                     [el("span", { "class": "chips-label", "aria-hidden": "true", text: label })]);
      suggestions.forEach(function (suggestion) {
        var chip = el("button", { type: "button", "class": "chip" });
        if (suggestion.html) {
          chip.appendChild(sanitizedFragment(suggestion.html));
        } else {
          chip.textContent = suggestion.question;
        }
        chip.addEventListener("click", function () {
          send(suggestion.question, suggestion.html);
        });
        chips.appendChild(chip);
      });
      node.appendChild(chips);
    }
    if (message.kind !== "greeting") {
      node.appendChild(ratingNode(message));
    }
    return node;
  }

  function ratingNode(message) {
    var note = el("span", { "class": "rate-note", role: "status" });
    var up = el("button", { type: "button", "aria-label": "Helpful", title: "Helpful" },
                [icon(ICONS.up)]);
    var down = el("button", { type: "button", "aria-label": "Not helpful",
                              title: "Not helpful" }, [icon(ICONS.down)]);
    function show() {
      up.setAttribute("aria-pressed", String(message.rating === "up"));
      down.setAttribute("aria-pressed", String(message.rating === "down"));
      up.disabled = down.disabled = Boolean(message.rating);
      note.textContent = message.rating ? "Thanks for the feedback." : "";
    }
    up.addEventListener("click", function () { rate(message, "up", show, note); });
    down.addEventListener("click", function () { rate(message, "down", show, note); });
    show();
    return el("div", { "class": "rate", role: "group", "aria-label": "Was this answer helpful?" },
              [up, down, note]);
  }

  // --- what is wider than the panel -----------------------------------------------------------

  /*
   * A formula cannot wrap inside itself. The service already cuts long ones after their
   * relations and keeps punctuation with its formula; what is still wider than the answer (a
   * displayed formula, a table, a code block, now and then an inline formula) scrolls sideways
   * in a box of its own. A fade at the edge where more is hidden says so, and while it scrolls
   * the box is a named, focusable region, so the keyboard can scroll it as well.
   */
  var WIDE_BLOCKS = "math[display=block], .math-display, table, pre";
  var fitter = window.ResizeObserver ? new ResizeObserver(laidOutAgain) : null;
  var refitting = [];

  /** Put each displayed formula, table and code block of a new bubble in a scroll box. */
  function boxWideContent(bubble) {
    Array.prototype.forEach.call(bubble.querySelectorAll(WIDE_BLOCKS), function (wide) {
      if (!wide.closest(".wide-scroll")) {
        scrollBox(wide, false);
      }
    });
    if (fitter) {
      fitter.observe(bubble); // the panel opens, resizes, or a font arrives: look again
    }
  }

  function laidOutAgain(entries) {
    // Not here and now: changing sizes inside the observer's callback would make it loop.
    if (!refitting.length) {
      window.requestAnimationFrame(function () {
        var bubbles = refitting;
        refitting = [];
        bubbles.forEach(fitWide);
      });
    }
    entries.forEach(function (entry) {
      if (refitting.indexOf(entry.target) < 0) {
        refitting.push(entry.target);
      }
    });
  }

  function fitWideIn(node) {
    Array.prototype.forEach.call(node.querySelectorAll(".bubble"), fitWide);
  }

  /** Box the inline formulas that stick out of `bubble`; show each box's cue as it stands. */
  function fitWide(bubble) {
    if (!bubble.isConnected || !bubble.getClientRects().length) {
      return; // not laid out (the panel is closed): the observer calls again when it opens
    }
    var style = getComputedStyle(bubble);
    var box = bubble.getBoundingClientRect();
    var left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    var right = box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
    Array.prototype.forEach.call(bubble.querySelectorAll("math"), function (math) {
      if (math.closest(".wide-scroll")) {
        return;
      }
      var wide = math.parentNode.classList.contains("nobreak") ? math.parentNode : math;
      var edges = wide.getBoundingClientRect();
      if (edges.width && (edges.right > right + 1 || edges.left < left - 1)) {
        scrollBox(wide, true);
      }
    });
    Array.prototype.forEach.call(bubble.querySelectorAll(".wide-scroll"), showCue);
  }

  function scrollBox(content, inline) {
    var what = { table: "Table", pre: "Code" }[content.localName] || "Formula";
    var scroll = el("span", { "class": "wide-scroll", "data-label": what + ", scrolls sideways" });
    var box = el("span", { "class": inline ? "wide wide--inline" : "wide" }, [scroll]);
    content.parentNode.replaceChild(box, content);
    scroll.appendChild(content);
    scroll.addEventListener("scroll", function () { showCue(scroll); }, { passive: true });
    return scroll;
  }

  function showCue(scroll) {
    var hidden = scroll.scrollWidth - scroll.clientWidth;
    var scrolls = hidden > 1;
    var box = scroll.parentNode;
    box.classList.toggle("more-left", scrolls && scroll.scrollLeft > 1);
    box.classList.toggle("more-right", scrolls && scroll.scrollLeft < hidden - 1);
    if (scrolls && !scroll.hasAttribute("tabindex")) {
      scroll.setAttribute("tabindex", "0");
      scroll.setAttribute("role", "region");
      scroll.setAttribute("aria-label", scroll.getAttribute("data-label"));
    } else if (!scrolls && scroll.hasAttribute("tabindex")) {
      ["tabindex", "role", "aria-label"].forEach(function (name) {
        scroll.removeAttribute(name);
      });
    }
  }

  // --- practice questions and drawings -------------------------------------------------------

  /** The statements of a multiple-choice question as labelled checkboxes and a check button. */
  function choiceSet(message) {
    var practice = message.practice;
    var fieldset = el("fieldset", { "class": "choices" }, [
      el("legend", { text: "Tick the true statements, then check your answer:" })
    ]);
    var boxes = practice.choices.map(function (choice, index) {
      var number = index + 1;
      var box = el("input", { type: "checkbox", value: String(number) });
      var text = el("span", { "class": "choice-text" });
      if (practice.choicesHtml) {
        text.appendChild(sanitizedFragment(choice));
      } else {
        text.textContent = choice;
      }
      var label = el("label", { "class": "choice" }, [
        box, el("span", { "class": "choice-n", text: number + "." }), text
      ]);
      box.checked = (practice.picked || []).indexOf(number) >= 0;
      label.classList.toggle("picked", box.checked);
      box.addEventListener("change", function () {
        label.classList.toggle("picked", box.checked);
        practice.picked = checkedNumbers(boxes);
        saveState(); // ticks survive a reload
      });
      fieldset.appendChild(label);
      return box;
    });
    var check = el("button", { type: "button", "class": "check", text: "Check answer" });
    check.addEventListener("click", function () {
      if (!busy) {
        send(choicePhrase(checkedNumbers(boxes)));
        input.focus(); // the set is disabled while the tutor answers; keep the keyboard here
      }
    });
    fieldset.appendChild(check);
    choiceSets.push({ message: message, fieldset: fieldset });
    return fieldset;
  }

  function checkedNumbers(boxes) {
    return boxes.filter(function (box) { return box.checked; })
      .map(function (box) { return Number(box.value); });
  }

  /** What a student would type: "none", "2", "2 and 5", "2, 3 and 5". */
  function choicePhrase(numbers) {
    if (!numbers.length) {
      return "none";
    }
    if (numbers.length === 1) {
      return String(numbers[0]);
    }
    return numbers.slice(0, -1).join(", ") + " and " + numbers[numbers.length - 1];
  }

  /** Put the checkboxes where the reply lists the statements (so they are shown once). */
  function placeChoices(bubble, fieldset) {
    var count = fieldset.querySelectorAll("input").length;
    var lists = Array.prototype.filter.call(bubble.querySelectorAll("ol"), function (list) {
      return list.children.length === count;
    });
    if (lists.length) {
      var list = lists[lists.length - 1];
      list.parentNode.replaceChild(fieldset, list);
    } else {
      bubble.appendChild(fieldset);
    }
  }

  function lastTutorMessage() {
    for (var i = state.messages.length - 1; i >= 0; i -= 1) {
      if (state.messages[i].role === "tutor") {
        return state.messages[i];
      }
    }
    return null;
  }

  /**
   * Only the question still open (the latest reply) can be answered with its checkboxes, and
   * not while the tutor is busy; the placeholder says how to answer an open question.
   */
  function refreshPractice() {
    var last = lastTutorMessage();
    choiceSets.forEach(function (set) {
      set.fieldset.disabled = busy || set.message !== last;
    });
    var practice = last && last.practice;
    var placeholder = DEFAULT_PLACEHOLDER;
    if (practice && !practice.graded) {
      placeholder = practice.kind === "choice"
        ? "Or type e.g. 2, 3 and 5"
        : "Your answer" + answerHint(practice.answerFormat);
    }
    input.setAttribute("placeholder", placeholder);
  }

  /** A short form of the service's answer format: ", e.g. 16x16" or ": one whole number". */
  function answerHint(format) {
    var example = /e\.g\. "?([^",()]+)/.exec(format || "");
    if (example) {
      return ", e.g. " + example[1].trim();
    }
    var short = String(format || "").replace(/\s*\([^)]*\)\s*$/, "").trim();
    return short ? ": " + short : "";
  }

  /** What the message keeps of a reply's practice question (see the schema's `practice`). */
  function practiceOf(reply) {
    var practice = reply.practice;
    if (!practice || typeof practice !== "object") {
      return null;
    }
    var choices = Array.isArray(practice.choices) ? practice.choices : null;
    var html = choices && Array.isArray(practice.choices_html) &&
      practice.choices_html.length === choices.length;
    return {
      kind: practice.kind === "choice" && choices ? "choice" : "numeric",
      choices: choices && (html ? practice.choices_html : choices).map(String),
      choicesHtml: Boolean(html),
      answerFormat: typeof practice.answer_format === "string" ? practice.answer_format : "",
      graded: Boolean(practice.result),
      picked: []
    };
  }

  /** {src, alt} of the drawing a reply carries, or null. */
  function drawingOf(reply) {
    var calculation = reply.calculation;
    var result = calculation && calculation.result;
    if (reply.kind === "calculation" && calculation &&
        calculation.calculator === GRAPHICAL_MODEL && result && typeof result.svg === "string") {
      return { src: svgDataUrl(result.svg), alt: describeGraph(result.nodes, result.edges) };
    }
    var graph = reply.graph;
    if (reply.kind === "answer" && graph && typeof graph.svg_url === "string") {
      var src = serviceUrl(graph.svg_url);
      return src ? { src: src, alt: describeGraph(graph.nodes, graph.edges) } : null;
    }
    return null;
  }

  function svgDataUrl(svg) {
    // base64 of the UTF-8 bytes (btoa alone takes only Latin-1), in chunks: no huge apply()
    var bytes = new TextEncoder().encode(svg);
    var binary = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return "data:image/svg+xml;base64," + btoa(binary);
  }

  /** An address on the service itself (relative to where widget.js came from), else null. */
  function serviceUrl(path) {
    try {
      var url = new URL(path.replace(/^\/+/, ""), SERVICE).href;
      return url.indexOf(SERVICE) === 0 ? url : null;
    } catch (error) {
      return null;
    }
  }

  /** The drawing in words, for the alt text: the nodes, and each distribution's arrows. */
  function describeGraph(nodes, edges) {
    nodes = Array.isArray(nodes) ? nodes : [];
    edges = Array.isArray(edges) ? edges : [];
    function names(list) {
      return list.map(function (node) { return String(node.name); }).join(", ") || "none";
    }
    var parts = ["Graphical model.",
                 "Latent: " + names(nodes.filter(function (n) { return !n.observed; })) + ".",
                 "Observed (shaded): " + names(nodes.filter(function (n) { return n.observed; })) +
                 "."];
    var order = [];
    var arrows = Object.create(null);
    edges.forEach(function (edge) {
      var key = String(edge.distribution) + " (" + String(edge.style || "solid") + " arrows)";
      if (!arrows[key]) {
        arrows[key] = [];
        order.push(key);
      }
      arrows[key].push(String(edge.from) + " to " + String(edge.to));
    });
    order.forEach(function (key) { parts.push(key + ": " + arrows[key].join(", ") + "."); });
    if (!edges.length) {
      parts.push("No arrows.");
    }
    return parts.join(" ");
  }

  function drawingNode(drawing, messageElement) {
    var image = el("img", { alt: drawing.alt, src: drawing.src, decoding: "async",
                            referrerpolicy: "no-referrer" });
    var figure = el("figure", { "class": "drawing" }, [image]);
    image.addEventListener("load", function () {
      if (log.lastChild === messageElement) {
        reveal(messageElement); // it grew: place the newest message again
      }
    });
    image.addEventListener("error", function () {
      figure.replaceChild(el("p", { "class": "drawing-note",
                                    text: "(The drawing could not be shown here.) " +
                                          drawing.alt }), image);
    });
    return figure;
  }

  function scrollToEnd() {
    scroller.scrollTop = scroller.scrollHeight;
  }

  function addMessage(message) {
    state.messages.push(message);
    saveState();
    var node = log.appendChild(messageNode(message));
    refreshPractice();
    refreshRetries();
    fitWideIn(node);
    reveal(node);
  }

  function removeMessage(message) {
    var index = state.messages.indexOf(message);
    if (index >= 0) {
      state.messages.splice(index, 1);
      saveState();
    }
    var node = nodes.get(message);
    if (node) {
      node.remove();
    }
    retryButtons = retryButtons.filter(function (retry) { return retry.message !== message; });
  }

  function reveal(node) {
    // A long answer is read from its start: bring its top into view, not its end.
    if (node.classList.contains("msg--tutor") && node.offsetHeight > scroller.clientHeight - 40) {
      scroller.scrollTop += node.getBoundingClientRect().top -
        scroller.getBoundingClientRect().top - 8;
    } else {
      scrollToEnd();
    }
  }

  // --- talking to the service ----------------------------------------------------------------

  function postJson(path, body) {
    return fetch(SERVICE + path, {
      method: "POST", mode: "cors", credentials: "omit",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        return { ok: response.ok, status: response.status, data: data };
      });
    });
  }

  function errorText(result) {
    var error = result.data && result.data.error;
    if (error && typeof error.message === "string") {
      return error.message;
    }
    return "The tutor could not answer (status " + result.status + "). Please try again.";
  }

  /** Send `text` (`typed` when it came from the textbox) and show the tutor's reply. */
  function send(text, html, typed) {
    text = String(text || "").trim();
    if (!text || busy) {
      return;
    }
    // Sending again a question that got no answer is its retry: the notice about it goes.
    retryButtons.filter(function (retry) { return retry.message.retry.text === text; })
      .forEach(function (retry) { removeMessage(retry.message); });
    var question = { role: "user", text: text, html: html || null };
    addMessage(question);
    setBusy(true);
    var asked = conversation;
    ask(text, true).then(function (result) {
      if (asked !== conversation) {
        return;
      }
      if (!result.ok) {
        if (result.status >= 500 || result.status === 429) {
          notSent(question, typed, errorText(result)); // worth trying again as it is
        } else {
          addMessage({ role: "error", text: errorText(result) });
        }
        return;
      }
      var reply = result.data;
      state.sessionId = reply.session_id;
      addMessage({
        role: "tutor", kind: reply.kind, reply: reply.reply, html: reply.reply_html || null,
        entryId: reply.entry_id, sessionId: reply.session_id, question: text, rating: null,
        suggestions: (reply.suggestions || []).map(function (suggestion) {
          return { question: suggestion.question, html: suggestion.question_html || null };
        }),
        practice: practiceOf(reply), drawing: drawingOf(reply)
      });
    }, function () {
      if (asked === conversation) { // no answer at all: offline, or the service unreachable
        notSent(question, typed, "The tutor could not be reached from this page. Check your " +
                                 "connection and retry, or tell the course staff.");
      }
    }).then(function () {
      setBusy(false);
    }, function (error) {
      setBusy(false);
      throw error;
    });
  }

  /**
   * The question got no answer: take it out of the conversation, put typed text back in the
   * textbox (unless the student has typed something new since) and offer to send it again.
   */
  function notSent(question, typed, text) {
    removeMessage(question);
    if (typed && !input.value.trim()) {
      input.value = question.text;
      fitInput();
    }
    addMessage({ role: "error", text: text,
                 retry: { text: question.text, html: question.html, typed: Boolean(typed) } });
  }

  /** Only the latest message's "Retry" works, and not while the tutor is busy. */
  function refreshRetries() {
    var last = state.messages[state.messages.length - 1];
    retryButtons.forEach(function (retry) {
      retry.button.disabled = busy || retry.message !== last;
    });
  }

  function ask(text, retry) {
    var body = { message: text, html: true };
    if (state.sessionId) {
      body.session_id = state.sessionId;
    }
    return postJson("chat", body).then(function (result) {
      var fields = result.data && result.data.error && result.data.error.fields;
      if (retry && result.status === 422 && fields && fields.session_id) {
        state.sessionId = null; // a stored id the service no longer accepts: start afresh
        return ask(text, false);
      }
      return result;
    });
  }

  function rate(message, rating, show, note) {
    if (message.rating) {
      return;
    }
    message.rating = rating;
    saveState();
    show();
    postJson("feedback", {
      session_id: message.sessionId, entry_id: message.entryId || null,
      message: message.question, rating: rating
    }).then(function (result) {
      if (!result.ok) {
        throw new Error(errorText(result));
      }
    }).catch(function () {
      message.rating = null;
      saveState();
      show();
      note.textContent = "Could not send the feedback; try again.";
    });
  }

  function setBusy(value) {
    busy = value;
    typing.hidden = !value;
    log.setAttribute("aria-busy", String(value));
    sendButton.disabled = value;
    Array.prototype.forEach.call(log.querySelectorAll(".chip"), function (chip) {
      chip.disabled = value;
    });
    refreshPractice();
    refreshRetries();
    if (value) {
      scrollToEnd(); // show the typing indicator
    }
  }

  // --- opening, closing and the keyboard -----------------------------------------------------

  function openPanel() {
    panel.hidden = false;
    root.classList.add("open");
    launcher.setAttribute("aria-expanded", "true");
    launcher.setAttribute("aria-label", launcherLabel(true));
    rememberOpen(true);
    fitWideIn(log);
    scrollToEnd();
    input.focus();
  }

  function closePanel() {
    panel.hidden = true;
    root.classList.remove("open");
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-label", launcherLabel(false));
    rememberOpen(false);
    launcher.focus();
  }

  launcher.addEventListener("click", function () {
    if (panel.hidden) {
      openPanel();
    } else {
      closePanel();
    }
  });
  closeButton.addEventListener("click", closePanel);
  restartButton.addEventListener("click", function () {
    conversation += 1;
    state = { sessionId: null, messages: [] };
    saveState();
    renderAll();
    input.focus();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (text.trim() && !busy) {
      input.value = "";
      fitInput();
      send(text, null, true);
    }
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : sendButton.click();
    }
  });
  input.addEventListener("input", fitInput);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      closePanel();
    }
    // Keys typed in the tutor are the student's, not the course site's shortcuts.
    event.stopPropagation();
  });
  launcher.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) {
      closePanel();
    }
  });

  function fitInput() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 2, 140) + "px";
  }

  function start() {
    root.style.setProperty("--dlt-accent", options.color);
    root.style.setProperty("--dlt-on-accent", textColorOn(options.color));
    document.body.appendChild(host);
    renderAll();
    if (wasOpen()) {
      panel.hidden = false;
      root.classList.add("open");
      launcher.setAttribute("aria-expanded", "true");
      launcher.setAttribute("aria-label", launcherLabel(true));
      fitWideIn(log);
      scrollToEnd();
    }
  }

  if (document.body) {
    start();
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
})();
