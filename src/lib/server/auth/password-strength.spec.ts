import { describe, expect, it } from 'vitest';
import { isGuessablePassword } from './password-strength';

describe('isGuessablePassword', () => {
	it('refuses common passwords, Indonesian words and names, dates and keyboard walks', async () => {
		for (const password of ['password12345', 'indonesia1945', 'jakarta12345', 'sayangku123', 'qwertyuiop12'])
			expect(await isGuessablePassword(password), password).toBe(true);
	});

	it("refuses the site's own name and the person's own name or e-mail", async () => {
		expect(await isGuessablePassword('antrean-demo')).toBe(true);
		const personal = ['budi.santoso@mpp.go.id', 'Budi Santoso'];
		expect(await isGuessablePassword('budisantoso1', personal)).toBe(true);
		// the same password is fine for someone else: the name is what makes it guessable here
		expect(await isGuessablePassword('budisantoso1', ['sari@mpp.go.id', 'Sari Dewi'])).toBe(false);
	});

	it('accepts a short sentence and a random string', async () => {
		for (const password of ['kopi tubruk pagi hari', 'kalimat-sandi-saya', 'Bd7#kq92!xLm'])
			expect(await isGuessablePassword(password), password).toBe(false);
	});
});
