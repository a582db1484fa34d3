/**
 * The widget's styles, applied inside its shadow root. Colours meet WCAG AA contrast
 * (text ≥ 4.5:1, focus rings and borders ≥ 3:1) on their backgrounds.
 */
export const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.root { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; }
[hidden] { display: none !important; }
button, input, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
.launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; width: 56px; height: 56px;
  border-radius: 50%; border: 2px solid #fff; background: #0b4f8a; color: #fff; display: flex;
  align-items: center; justify-content: center; box-shadow: 0 4px 14px rgba(0,0,0,.3); padding: 0; }
.launcher:hover { background: #083a66; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; width: min(400px, calc(100vw - 32px));
  height: min(640px, calc(100vh - 32px)); background: #fff; border: 1px solid #767676; border-radius: 12px;
  box-shadow: 0 8px 28px rgba(0,0,0,.3); display: flex; flex-direction: column; overflow: hidden; }
.panel.full { right: 0; bottom: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; border: 0; }
.panel.full .log, .panel.full .composer { padding-left: max(12px, calc(50% - 28rem)); padding-right: max(12px, calc(50% - 28rem)); }
.panel.full .sheet-body { max-width: 56rem; }
@media (max-width: 480px) {
  .panel { right: 0; bottom: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; border: 0; }
  .expand { display: none; }
}
.header { background: #0b4f8a; color: #fff; padding: 8px 8px 8px 14px; }
.header-row { display: flex; align-items: center; gap: 8px; }
.title { flex: 1; margin: 0; font-size: 16px; font-weight: 700; overflow-wrap: anywhere; }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.hbtn { background: transparent; color: #fff; border: 1px solid #fff; border-radius: 6px; padding: 2px 8px; font-size: 13px; min-height: 28px; }
.hbtn:hover { background: #083a66; }
.header :focus-visible, .sheet-head :focus-visible { outline-color: #fff; }
.expand[aria-pressed="true"] { background: #fff; color: #0b4f8a; }
.close { width: 36px; height: 36px; font-size: 22px; line-height: 1; padding: 0; border-color: transparent; }
.status { padding: 4px 12px; font-size: 13px; background: #fff4ce; color: #4d3a00; }
.status.ok { background: #e6f4ea; color: #14532d; }
.status.official { background: #e8f0fb; color: #0b3b66; }
.signin { padding: 8px 12px; border-bottom: 1px solid #d0d0d0; background: #f6f8fb; display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-end; }
.signin label { display: block; font-size: 13px; width: 100%; }
.signin input { flex: 1; min-width: 0; border: 1px solid #767676; border-radius: 6px; padding: 6px 8px; }
.signin .err { width: 100%; color: #a1001b; font-size: 13px; margin: 0; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; overscroll-behavior: contain; }
.msg { max-width: 92%; padding: 8px 12px; border-radius: 12px; overflow-wrap: anywhere; }
.msg p { margin: 0 0 6px; } .msg p:last-child { margin-bottom: 0; }
.msg ul, .msg ol { margin: 4px 0 6px; padding-left: 22px; }
.msg[data-role="user"] { align-self: flex-end; background: #0b4f8a; color: #fff; white-space: pre-wrap; }
.msg[data-role="assistant"], .msg[data-role="greeting"] { align-self: flex-start; background: #f1f3f5; border: 1px solid #d0d5da; }
.msg[data-state="streaming"] .body { white-space: pre-wrap; }
.msg[data-state="refused"] { background: #fff8e5; border-color: #b78103; }
.msg[data-state="error"] { background: #fdecee; border-color: #a1001b; color: #6b0012; }
.refused-title { font-weight: 700; margin: 0 0 4px; color: #5c4300; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.greeting p { margin: 0 0 8px; }
.suggestions { display: flex; flex-direction: column; gap: 6px; }
.chipq { text-align: left; background: #fff; color: #0b4f8a; border: 1px solid #0b4f8a; border-radius: 16px; padding: 6px 12px; }
.chipq:hover { background: #e8f0fb; }
.cite { display: inline-block; min-width: 28px; margin: 0 2px; padding: 0 4px; font-size: 12px; line-height: 20px;
  vertical-align: baseline; border: 1px solid #0b4f8a; border-radius: 10px; background: #fff; color: #0b4f8a; font-weight: 700; }
.cite[aria-expanded="true"] { background: #0b4f8a; color: #fff; }
.sheet { position: absolute; inset: 0; z-index: 1; background: #fff; display: flex; flex-direction: column; font-size: 14px; }
.sheet:focus { outline: none; }
.sheet-head { display: flex; justify-content: space-between; align-items: center; gap: 6px; background: #0b4f8a; color: #fff; padding: 8px 8px 8px 14px; }
.sheet-title { margin: 0; font-size: 16px; }
.sheet-meta { padding: 8px 14px 4px; border-bottom: 1px solid #d0d0d0; }
.sheet-body { flex: 1; overflow-y: auto; padding: 10px 14px; width: 100%; margin: 0 auto; }
.sheet .meta { margin: 0 0 4px; color: #3d3d3d; }
.sheet .doc { font-weight: 700; color: #1b1b1b; }
.sheet blockquote { margin: 6px 0; padding-left: 8px; border-left: 4px solid #0b4f8a; font-style: italic; white-space: pre-wrap; }
.passage { margin: 8px 0; padding: 6px 10px; border: 1px solid #d0d5da; border-radius: 6px; color: #3d3d3d; }
.passage h4 { margin: 0 0 4px; font-size: 14px; }
.passage .text { margin: 0; white-space: pre-wrap; }
.passage.cited { border: 2px solid #0b4f8a; background: #f5f9ff; color: #1b1b1b; }
mark { background: #fff1a8; color: #1b1b1b; }
.sheet-foot { border-top: 1px solid #d0d0d0; padding: 8px 14px; }
.fulltext { color: #0b4f8a; font-weight: 600; }
.xbtn { border: 1px solid #767676; background: #fff; color: #1b1b1b; border-radius: 6px; padding: 0 8px; min-height: 28px; }
.notice { margin: 6px 0 0; font-size: 13px; color: #3d3d3d; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; align-items: center; font-size: 13px; }
.abtn { border: 1px solid #767676; background: #fff; color: #1b1b1b; border-radius: 6px; padding: 2px 8px; min-height: 28px; font-size: 13px; }
.abtn[aria-pressed="true"] { background: #0b4f8a; color: #fff; border-color: #0b4f8a; }
.abtn:disabled { cursor: default; opacity: .75; }
.retry { border-color: #0b4f8a; color: #0b4f8a; font-weight: 700; }
.retry[aria-disabled="true"] { border-color: #767676; color: #3d3d3d; cursor: default; }
.followups { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.followups .chipq { padding: 2px 10px; font-size: 14px; }
.print-sheet { display: none; }
@media print {
  .root > :not(.print-sheet) { display: none !important; }
  .print-sheet { display: block; font: 12pt/1.5 "Times New Roman", serif; color: #000; }
  .print-sheet h1 { font-size: 16pt; margin: 0 0 4pt; }
  .print-sheet ul { list-style: none; padding: 0; }
  .print-sheet li { margin: 0 0 6pt; }
  .print-note { display: block; margin-left: 1.4em; font-style: italic; }
  .print-foot { margin-top: 12pt; font-size: 10pt; }
}
.draft-form { display: flex; flex-direction: column; gap: 4px; }
.draft-form label { font-size: 13px; font-weight: 600; }
.draft-form input { border: 1px solid #767676; border-radius: 6px; padding: 4px 6px; }
.draft-form button { align-self: flex-start; margin-top: 6px; }
.draft { border: 1px solid #767676; border-radius: 6px; padding: 8px; background: #fff; font-family: "Times New Roman", serif; font-size: 14px; }
.draft p { margin: 2px 0; }
.draft-mark { display: inline-block; border: 2px solid #b00020; color: #b00020; font-weight: 700; padding: 0 6px; }
.draft-date { font-style: italic; text-align: right; }
.draft-type, .draft-sign { font-weight: 700; text-align: center; }
.draft-subject { text-align: center; }
.draft-small { font-size: 12px; }
.draft-check ul { margin: 4px 0; padding-left: 18px; font-size: 13px; }
.draft-version ul { margin: 4px 0; padding-left: 18px; font-size: 13px; }
.draft-n { display: inline-block; min-width: 1.4em; margin-right: 4px; color: #555; font-family: system-ui, sans-serif; font-size: 11px; }
.draft-hint { font-size: 12px; color: #444; }
.draft-org { margin: 0; font-size: 13px; }
.draft-issuer { font-weight: 700; }
.comment { width: 100%; display: flex; flex-wrap: wrap; gap: 6px; }
.comment label { width: 100%; }
.comment textarea { flex: 1; min-width: 0; min-height: 48px; border: 1px solid #767676; border-radius: 6px; padding: 4px 6px; }
.ack { color: #14532d; }
.composer { border-top: 1px solid #d0d0d0; padding: 8px 12px 6px; }
.row { display: flex; gap: 6px; align-items: flex-end; }
.composer textarea { flex: 1; min-width: 0; resize: none; min-height: 44px; max-height: 120px; border: 1px solid #767676; border-radius: 8px; padding: 8px; }
.send, .stop { min-height: 44px; padding: 0 14px; border-radius: 8px; border: 1px solid #0b4f8a; font-weight: 700; }
.send { background: #0b4f8a; color: #fff; }
.send:disabled { background: #5f6b76; border-color: #5f6b76; cursor: default; }
.stop { background: #fff; color: #a1001b; border-color: #a1001b; }
.note { margin: 6px 0 0; font-size: 12px; color: #3d3d3d; }
.note a { color: #0b4f8a; }
`;
