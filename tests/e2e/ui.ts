import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, screen } from './fixtures';

/** Steps the zh-CN specs share: the app's own controls, found by role and name as a user sees them. */

/** Yuan as the zh-CN screens show money: ¥36,600.00. */
export const yuan = (n: number) =>
  `¥${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A screenshot once dialogs have finished moving in (a half-faded dialog makes a poor picture). */
export async function shot(page: Page, info: TestInfo, name: string) {
  await page.evaluate(() => {
    const moving = document
      .getAnimations()
      .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined));
    return Promise.race([Promise.all(moving), new Promise((done) => setTimeout(done, 1000))]);
  });
  await screen(page, info, name);
}

/** A Mantine select: open it, click the option. `scope` narrows where the select is (a dialog). */
export async function choose(page: Page, label: string, option: string, scope: Page | Locator = page) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A RecordSelect: type part of the name (searched in the main process), then click the match. */
export async function pick(scope: Page | Locator, page: Page, label: string, typed: string, option: string) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(box).toHaveValue(option);
}

/** The header's module tabs. */
/** The modules in the header's 设置 menu rather than its tabs. */
const settingsModules = new Set(['基础数据', '自定义字段', '回收站']);

export async function openModule(page: Page, name: string) {
  if (settingsModules.has(name)) {
    const settings = page.getByRole('banner').getByRole('button', { name: '设置' });
    await settings.click();
    await page.getByRole('menuitem', { name, exact: true }).click();
    await expect(settings).toHaveAttribute('aria-current', 'page');
    return;
  }
  const tab = page.getByRole('tablist', { name: '模块' }).getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** The tab of 客户信息选项卡 called `name`, whatever its count badge says. */
export const customerTab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: '客户信息选项卡' }).getByRole('tab', { name: new RegExp(`^${name}`) });

/** A customer's page, opened from 客户管理's list. */
export async function openCustomer(page: Page, name: string) {
  await openModule(page, '客户管理');
  await page.getByRole('table', { name: '客户列表' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/**
 * Serious and critical axe problems on the page while `ready` shows, as readable lines, once the
 * screens behind have finished loading (a loading spinner is not what is checked here).
 */
export async function axeProblems(page: Page, ready: Locator): Promise<string[]> {
  await expect(ready).toBeVisible();
  await expect(page.getByLabel('正在加载…')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .map((n) => `  at ${n.target.join(' ')}: ${n.html.slice(0, 160)}\n  ${n.failureSummary ?? ''}`)
          .join('\n'),
    );
}
