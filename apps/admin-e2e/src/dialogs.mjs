// Dialog helpers shared by the browser tests.

/**
 * Clicks a dialog's button until the dialog goes: a click while an Antd dialog is still zooming in can be lost on a
 * busy machine (the dialog stays, nothing sent — a CI run lost the new payroll run's 提交 that way). A click that did
 * send shows the button loading (further clicks are ignored) until the dialog closes.
 */
export async function clickUntilGone(button) {
  await button.waitFor();
  for (let attempt = 0; attempt < 4 && (await button.isVisible()); attempt++) {
    await button.click().catch(() => {});
    await button.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  }
}
