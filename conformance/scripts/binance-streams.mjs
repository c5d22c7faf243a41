// Stream helpers the Binance scripts share: the next message that matches, and the documented order book
// sync (buffer the diffs, take a REST snapshot, then U <= lastUpdateId+1 <= u and each U = previous u + 1).
import { expect } from './checks.mjs';

/** A queue over a client's message callback: next(match) resolves with the first message that matches. */
export class Messages {
  constructor() {
    this.seen = [];
    this.waiting = [];
  }

  push(text) {
    let message;
    try {
      message = typeof text === 'string' ? JSON.parse(text) : text;
    } catch (error) {
      message = { unparsable: String(text) };
    }
    this.seen.push(message);
    this.waiting = this.waiting.filter((w) => !(w.match(message) && (w.resolve(message), true)));
  }

  next(match, timeoutMs = 10000) {
    const found = this.seen.find(match);
    if (found) {
      this.seen.splice(this.seen.indexOf(found), 1);
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const entry = { match, resolve: (m) => { clearTimeout(timer); this.seen.splice(this.seen.indexOf(m), 1); resolve(m); } };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== entry);
        reject(new Error(`no matching message within ${timeoutMs} ms (saw ${this.seen.length}: ${JSON.stringify(this.seen.slice(-2)).slice(0, 200)})`));
      }, timeoutMs);
      this.waiting.push(entry);
    });
  }
}

/**
 * Checks the diffs of a depth stream against a REST snapshot as Binance documents: diffs with u <= lastUpdateId
 * are dropped, the first applied one straddles lastUpdateId+1, and each next one starts where the last ended.
 */
export function checkDepthSequence(snapshot, diffs) {
  const applicable = diffs.filter((d) => d.u > snapshot.lastUpdateId);
  expect(applicable.length >= 2, `only ${applicable.length} diffs after the snapshot (lastUpdateId ${snapshot.lastUpdateId})`);
  const first = applicable[0];
  expect(first.U <= snapshot.lastUpdateId + 1 && snapshot.lastUpdateId + 1 <= first.u,
    `first diff U=${first.U} u=${first.u} does not straddle lastUpdateId+1=${snapshot.lastUpdateId + 1}`);
  for (let i = 1; i < applicable.length; i++) {
    expect(applicable[i].U === applicable[i - 1].u + 1, `diff U=${applicable[i].U} after u=${applicable[i - 1].u}`);
  }
}
