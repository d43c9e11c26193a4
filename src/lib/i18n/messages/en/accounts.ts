// English messages of invitations, password links, national people and revoked devices.
import type { accounts as id } from '../id/accounts';

export const accounts: Record<keyof typeof id, string> = {
	'admin.people.mode': 'How they get access',
	'admin.people.modeInvite': 'Send an invitation link: the person chooses their own password',
	'admin.people.modePassword': 'Set a password now',
	'admin.people.pending': 'Invitation not accepted yet',
	'admin.people.link': 'Make a password link',
	'admin.people.linkHint':
		'The link works for {hours} hours and only once. The old password keeps working until the link is used.',
	'admin.link.title.invite': 'Invitation link for {name}',
	'admin.link.title.reset': 'New password link for {name}',
	'admin.link.intro':
		'Send this link to {name}, for example by WhatsApp or official e-mail. It is shown only this once, works until {until}, and can be used one time.',
	'admin.link.label': 'Link',
	'admin.link.copy': 'Copy link',
	'admin.link.copied': 'Link copied.',
	'admin.link.copyFailed': 'Could not copy automatically. Select the link and copy it by hand.',
	'admin.invalid.passwordMismatch': 'The two passwords differ.',
	'admin.invalid.personInactive': 'This account is inactive. Activate it first.',
	'admin.invalid.deviceRevoked': 'This device was revoked; its name can no longer be changed.',
	'admin.action.invited': 'invited',
	'admin.field.passwordLink': 'Password link',
	'admin.devices.rename': 'Rename',
	'admin.devices.newName': 'New name',
	'admin.devices.renameLabel': 'New name for {name}',
	'admin.national.title': 'National users',
	'admin.national.intro':
		'System administrators and ministry staff. They belong to no single MPP: system administrators manage every MPP, ministry staff read every MPP’s statistics without personal data.',
	'admin.national.add': 'Add a national user',
	'admin.national.new': 'New national user',
	'admin.national.none': 'No national users yet.',
	'admin.national.back': 'Back to the MPP list',
	'invite.title': 'Choose a password',
	'invite.heading.invite': 'Welcome, {name}',
	'invite.heading.reset': 'A new password for {name}',
	'invite.intro': 'Choose a password for the account {email}. Once saved, you are signed in.',
	'invite.password': 'Password',
	'invite.passwordHint': 'At least {min} characters. A short sentence you remember beats a complicated word.',
	'invite.confirm': 'Repeat the password',
	'invite.submit': 'Save and sign in',
	'invite.submitting': 'Saving…',
	'invite.expired.heading': 'This link has expired',
	'invite.expired.body':
		'Invitation and password links work for {hours} hours. Ask the MPP administrator or the system administrator for a new one.',
	'invite.used.heading': 'This link was already used',
	'invite.used.body':
		'Each link works once. If you already chose a password, sign in. If it was not you, tell the MPP administrator at once.',
	'invite.unknown.heading': 'This link is not known',
	'invite.unknown.body':
		'Check that the whole link was copied, or ask the MPP administrator or the system administrator for a new one.',
	'invite.login': 'Go to sign-in',
	'device.revoked.heading': 'This device was revoked — pair it again',
	'device.revoked.body':
		'The MPP administrator revoked this device, so this screen no longer receives the queue.',
	'device.revoked.how':
		'To use it again, show a new pairing code and ask the MPP administrator to type it in Administration → Devices.',
	'device.revoked.pair': 'Show a pairing code'
};
