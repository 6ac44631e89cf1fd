// What a user sees of an element, measured in the page: whether it is on screen and not covered,
// how many lines a sentence takes, how much of it its scrolling boxes let through, whether a list's
// numbers are whole. The small-screen and production-confirmation specs assert with these.
import type { Locator, Page } from '@playwright/test';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Saved beside the other screens of the e2e run, for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

/**
 * Whether the element is on screen as it is now, without scrolling anything: wholly inside the
 * window, and the topmost thing at its centre (not covered, not scrolled out of a box that clips it).
 */
export function onScreen(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (box.left < 0 || box.top < 0 || box.right > window.innerWidth || box.bottom > window.innerHeight) return false;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === node || node.contains(hit));
  });
}

/** How many lines the words of a field's label before the field take: one for a sentence read at a glance. */
export function linesBeforeField(field: Locator): Promise<number> {
  return field.evaluate((input) => {
    const label = input.closest('label');
    if (!label?.firstChild) return 0;
    const range = document.createRange();
    range.setStartBefore(label.firstChild);
    range.setEndBefore(input);
    const centres = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top + r.height / 2);
    // Pieces of one line (text, <strong>, <code>) differ by a few pixels at most; lines by a line height.
    const lines: number[] = [];
    for (const centre of centres.sort((a, b) => a - b)) if (lines.every((line) => Math.abs(line - centre) > 6)) lines.push(centre);
    return lines.length;
  });
}

/** The part of the element its clipping ancestors (scrolling boxes, overflow: hidden) and the window let through. */
export function visibleBox(element: Locator): Promise<Box> {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    let { left, top, right, bottom } = box;
    right = Math.min(right, window.innerWidth);
    bottom = Math.min(bottom, window.innerHeight);
    left = Math.max(left, 0);
    top = Math.max(top, 0);
    for (let parent = node.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX === 'visible' && style.overflowY === 'visible' && style.contain !== 'strict' && style.contain !== 'paint') continue;
      const clip = parent.getBoundingClientRect();
      // The clip is the padding box without the scrollbars: client{Left,Top,Width,Height}.
      const clipLeft = clip.left + parent.clientLeft;
      const clipTop = clip.top + parent.clientTop;
      left = Math.max(left, clipLeft);
      top = Math.max(top, clipTop);
      right = Math.min(right, clipLeft + parent.clientWidth);
      bottom = Math.min(bottom, clipTop + parent.clientHeight);
    }
    return { left, top, right: Math.max(left, right), bottom: Math.max(top, bottom) };
  });
}

/** The width, as laid out, of the element's first `count` characters. */
export function widthOfCharacters(element: Locator, count: number): Promise<number> {
  return element.evaluate((node, n) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode();
    if (!text?.textContent || text.textContent.length < n) throw new Error(`fewer than ${n} characters in “${node.textContent}”`);
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, n);
    return range.getBoundingClientRect().width;
  }, count);
}

/**
 * For each item of an ordered list, how many pixels of its number ("10. ") its clipping ancestors
 * cut off on the left: all zero when every number is whole. The number (the ::marker) is no element,
 * so its width is measured with the same text in the item's font.
 */
export function clippedNumbers(list: Locator): Promise<number[]> {
  return list.evaluate((ol) => {
    let clipLeft = 0;
    for (let parent: HTMLElement | null = ol as HTMLElement; parent; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX === 'visible') continue;
      clipLeft = Math.max(clipLeft, parent.getBoundingClientRect().left + parent.clientLeft);
    }
    return [...ol.children].map((item, index) => {
      const probe = document.createElement('span');
      probe.style.whiteSpace = 'pre';
      // As the UA styles ::marker.
      probe.style.fontVariantNumeric = 'tabular-nums';
      probe.textContent = `${index + 1}. `;
      item.prepend(probe);
      const markerWidth = probe.getBoundingClientRect().width;
      probe.remove();
      const itemLeft = item.getBoundingClientRect().left + parseFloat(getComputedStyle(item).paddingLeft);
      return Math.max(0, Math.round(clipLeft - (itemLeft - markerWidth)));
    });
  });
}

export const overlap = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
