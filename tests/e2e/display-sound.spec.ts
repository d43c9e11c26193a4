// The "enable sound" step of the lobby TV. A TV's browser blocks audio until someone touches the
// page; Playwright's own probes count as a touch in Chromium, so this file gives the page the TV's
// rule itself: an AudioContext stays suspended until resume() is called during a real gesture.
import { expect, test, type Page } from '@playwright/test';
import { deviceTokens } from './demo';

test.use({ viewport: { width: 1920, height: 1080 } });

const shot = (name: string) => `test-results/screenshots/${name}.png`;

test.beforeEach(async ({ page }) => {
	await page.addInitScript(() => {
		const Real = window.AudioContext;
		window.AudioContext = class extends Real {
			#allowed = false;
			get state(): AudioContextState {
				return this.#allowed ? super.state : 'suspended';
			}
			resume(): Promise<void> {
				if (navigator.userActivation.isActive) this.#allowed = true;
				return super.resume();
			}
		};
	});
});

async function untouched(page: Page, load: () => Promise<unknown>) {
	const socket = page.waitForEvent('websocket');
	await load();
	await socket;
}

test('the TV asks once to enable sound, explains kiosk mode, and remembers the answer', async ({ page }) => {
	await untouched(page, () => page.goto(`/display/bandung?device=${deviceTokens('bandung').display}`));
	const prompt = page.getByRole('dialog', { name: 'Aktifkan suara panggilan' });
	await expect(prompt).toBeVisible();
	await expect(prompt).toContainText('--autoplay-policy=no-user-gesture-required');
	await expect(page.getByRole('button', { name: /Aktifkan suara/ })).toBeFocused();
	await page.screenshot({ path: shot('display-sound-prompt-1920') });
	await page.getByRole('button', { name: /Aktifkan suara/ }).click();
	await expect(prompt).toHaveCount(0);
	await expect(page.getByText('Suara aktif')).toBeVisible();

	// after a reboot the browser wants a gesture again: the TV says so, and any key brings sound back
	await untouched(page, () => page.reload());
	await expect(prompt).toContainText('Suara sudah diaktifkan sebelumnya');
	await page.keyboard.press('Enter');
	await expect(page.getByText('Suara aktif')).toBeVisible();

	// "without sound" is remembered too: no prompt after the next reload
	await untouched(page, () => page.reload());
	await page.getByTestId('sound-mute').click();
	await untouched(page, () => page.reload());
	await expect(page.getByRole('button', { name: /Suara mati/ })).toBeVisible();
	await expect(prompt).toHaveCount(0);
});
