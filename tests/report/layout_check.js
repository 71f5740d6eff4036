// Injected by report_browser_test into a copy of report.html (the page itself has no scripts): after
// layout it lists what sticks out of its card, text rendered under 11 CSS px, chart labels that overlap
// and text cut short, and hands the lines to the page framing it (or writes them into the page).
window.addEventListener('load', () => {
  const MIN_FONT_PX = 11;
  const SLACK_PX = 1;

  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    const css = el.getAttribute('class');
    if (css) name += '.' + css.trim().split(/\s+/).join('.');
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return text ? name + ' "' + text + '"' : name;
  };
  const where = (el) => {
    const card = el.closest('.card, .stat');
    const title = card && card.querySelector('h2, .label');
    return title ? '[' + title.textContent.trim() + '] ' : '';
  };
  const rendered = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const outside = (inner, outer) =>
      inner.left < outer.left - SLACK_PX || inner.right > outer.right + SLACK_PX ||
      inner.top < outer.top - SLACK_PX || inner.bottom > outer.bottom + SLACK_PX;
  const round = (value) => Math.round(value * 10) / 10;

  // The nearest ancestor below `card` that clips or scrolls its content horizontally, else the card.
  const clipper = (el, card) => {
    for (let p = el.parentElement; p && p !== card; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return p;
    }
    return card;
  };
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);

  const problems = [];
  let elements = 0;
  for (const card of document.querySelectorAll('.card, .stat')) {
    const cardBox = card.getBoundingClientRect();
    if (cardBox.left < -SLACK_PX || cardBox.right > window.innerWidth + SLACK_PX) {
      problems.push('card-outside-page ' + where(card) + 'right ' + round(cardBox.right));
    }
    for (const el of card.querySelectorAll('*')) {
      if (!rendered(el) || ['title', 'style'].includes(el.tagName.toLowerCase())) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      ++elements;
      const within = clipper(el, card);
      if (within !== card && scrolls(within)) continue;  // reachable by scrolling its container
      if (outside(box, within.getBoundingClientRect())) {
        problems.push((within === card ? 'overflow ' : 'clipped ') + where(el) + describe(el) + ' [' +
                      round(box.left) + ', ' + round(box.right) + '] in [' +
                      round(within.getBoundingClientRect().left) + ', ' +
                      round(within.getBoundingClientRect().right) + ']');
      }
      if (getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + SLACK_PX) {
        problems.push('cut ' + where(el) + describe(el) + ' shows ' + el.clientWidth + ' of ' + el.scrollWidth + ' px');
      }
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + SLACK_PX) {
    problems.push('page-overflow ' + document.documentElement.scrollWidth + ' px wide');
  }

  // Rendered size of text: the computed font size times the scale of SVG user units on screen.
  let texts = 0, svgTexts = 0, smallest = Infinity;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('title, style, script')) continue;
    if (!rendered(el)) continue;
    let size = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement) {
      const m = el.getScreenCTM();
      size *= Math.min(Math.hypot(m.a, m.b), Math.hypot(m.c, m.d));
      ++svgTexts;
    }
    ++texts;
    smallest = Math.min(smallest, size);
    if (size < MIN_FONT_PX - 0.05) problems.push('tiny ' + where(el) + describe(el) + ' ' + round(size) + ' px');
  }

  // Labels of one chart must not cover each other.
  for (const svg of document.querySelectorAll('svg.chart')) {
    const labels = [...svg.querySelectorAll('text')].filter(rendered).map((t) => [t, t.getBoundingClientRect()]);
    for (let i = 0; i < labels.length; ++i) {
      for (let j = i + 1; j < labels.length; ++j) {
        const [a, p] = labels[i], [b, q] = labels[j];
        const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > SLACK_PX && h > SLACK_PX) {
          problems.push('overlap #' + svg.id + ' "' + a.textContent + '" and "' + b.textContent + '"');
        }
      }
    }
  }

  const lines = ['viewport ' + window.innerWidth,
                 'checked ' + elements + ' elements in cards, ' + texts + ' texts (' + svgTexts +
                     ' in SVG), smallest ' + round(smallest) + ' px',
                 ...problems, 'problems ' + problems.length];
  const report = lines.join('\n');
  if (window.parent !== window) {
    window.parent.postMessage(report, '*');
  } else {
    const pre = document.createElement('pre');
    pre.id = 'layout-check';
    pre.textContent = report;
    document.body.appendChild(pre);
  }
});
