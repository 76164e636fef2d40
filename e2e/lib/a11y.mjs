// Accessibility check of a page with axe-core (WCAG 2.0/2.1/2.2 A and AA rules).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe on the page; returns the violations as readable lines (empty when there are none). */
export async function accessibilityViolations(page) {
  // Evaluated through the browser's debugging protocol rather than added as a <script>: the portal's
  // Content-Security-Policy (script-src 'self') refuses inline scripts, and the test must not loosen it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
