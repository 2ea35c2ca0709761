/* After Assad's long and sortable tables (afterassad.core.text.Table marks them; sphinxext loads this, deferred,
   only on pages that have one). Without it, and in a browser without the `scripting` media feature, every row shows. */
(() => {
  if (!matchMedia("(scripting: enabled)").matches) return; // the stylesheet hides rows only when this matches
  const SHOWN = 10; // text.SHOWN_ROWS; the stylesheet hides from nth-child(n+11)
  const text = new Intl.Collator("en", {numeric: true});
  const number = (s) => (/^[-−]?\d[\d,]*(\.\d+)?%?$/.test(s) ? +s.replace(/[,%]/g, "").replace("−", "-") : NaN);
  // A date as the book writes it, as yyyymmdd: "28 Nov", "1–6 December 2024", "week of 3 March 2025", "May 2025",
  // "2020 (claimed)". It must begin within the cell's first words.
  const months = "January February March April May June July August September October November December".split(" ");
  const day = (s) => {
    const m = /(?:\b(\d\d?)(?:–\d\d?)? )?\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b(?: (\d{4})\b)?|\b(\d{4})\b/.exec(s);
    const month = m && m[2] ? months.findIndex((n) => m[2] === n || m[2] === n.slice(0, 3)) + 1 : 0;
    if (!m || m.index > 8 || (m[2] && !(month && (m[1] || m[3])))) return NaN;
    return +(m[3] || m[4] || 0) * 1e4 + month * 100 + +(m[1] || 0);
  };
  // Text compares word by word, numbers in it by value ("7,500" after "10").
  const plain = (s) => s.replace(/(\d),(?=\d{3}\b)/g, "$1");
  document.querySelectorAll(".aa-table-wrap[data-aa-rows], .aa-table-wrap[data-aa-sort]").forEach((wrap, t) => {
    const table = wrap.querySelector("table"), body = table.tBodies[0], rows = [...body.rows];
    table.id ||= "aa-table-" + (t + 1);
    if (wrap.dataset.aaRows) {
      const more = document.createElement("button");
      const show = (all) => {
        wrap.classList.toggle("aa-open", all);
        more.setAttribute("aria-expanded", all);
        more.textContent = all ? `Show first ${SHOWN} rows` : `Show all ${rows.length} rows`;
      };
      more.type = "button";
      more.className = "aa-table-more";
      more.setAttribute("aria-controls", table.id);
      more.onclick = () => {
        const all = !wrap.classList.contains("aa-open");
        show(all);
        if (!all) more.scrollIntoView({block: "nearest"}); // the reader stays at the button, not far below the table
      };
      show(false);
      wrap.after(more);
      wrap.classList.add("aa-ready");
    }
    if (wrap.dataset.aaSort === undefined) return;
    const heads = [...table.tHead.rows[0].cells];
    heads.forEach((th, c) => {
      const cells = rows.map((r) => r.cells[c].textContent.trim()), filled = cells.filter(Boolean);
      if (new Set(filled).size < 2) return; // one value throughout: nothing to sort
      const key = [number, day].find((f) => filled.every((s) => !isNaN(f(s))));
      const keys = cells.map((s) => (s && key ? key(s) : plain(s)));
      const button = document.createElement("button");
      button.type = "button";
      button.className = "aa-sort";
      button.append(...th.childNodes);
      th.append(button);
      // Ascending, descending, then back to the table's own order; empty cells last, ties in the table's order.
      button.onclick = () => {
        const now = th.getAttribute("aria-sort");
        const next = now === "ascending" ? "descending" : now === "descending" ? "" : "ascending";
        const sign = next === "descending" ? -1 : 1;
        heads.forEach((h) => h.removeAttribute("aria-sort"));
        if (next) th.setAttribute("aria-sort", next);
        const order = rows.map((_, i) => i);
        if (next)
          order.sort((i, j) =>
            keys[i] === "" || keys[j] === ""
              ? (keys[i] === "") - (keys[j] === "") || i - j
              : sign * (key ? keys[i] - keys[j] : text.compare(keys[i], keys[j])) || i - j,
          );
        body.append(...order.map((i) => rows[i]));
      };
    });
  });
})();
