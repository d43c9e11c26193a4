// English texts for the base catalogue (app, language, roles, login, logout, how fresh statistics are).
export const base = {
	'app.name': 'Antrean',
	'app.tagline': 'Queue system for Public Service Malls',
	'app.signOut': 'Sign out',
	'app.error.toHome': 'To your start page',
	'app.error.otherAccount': 'Sign in with another account',
	'app.timeout.title': 'Too heavy',
	'app.timeout.body': 'This request took too long to answer. Try a shorter date range.',
	'app.unavailable.title': 'One moment',
	'app.unavailable.body':
		'The service is reconnecting to its database. This page reloads by itself in a few seconds.',

	'lang.label': 'Language',
	'lang.switchTo': 'Switch language to {language}',

	'role.superadmin': 'System administrator',
	'role.ministry': 'Ministry',
	'role.mpp_admin': 'MPP administrator',
	'role.supervisor': 'Supervisor',
	'role.operator': 'Counter operator',

	'login.title': 'Sign in',
	'login.heading': 'Sign in to Antrean',
	'login.intro': 'For counter staff, MPP managers and the ministry.',
	'login.email': 'Email',
	'login.password': 'Password',
	'login.submit': 'Sign in',
	'login.submitting': 'Signing in…',
	'login.help': 'Forgot your password? Contact your MPP administrator.',
	'login.error.invalid': 'Incorrect email or password.',
	'login.error.missing': 'Enter your email and password.',
	'login.error.tooMany': 'Too many sign-in attempts. Try again in {minutes} minutes.',
	'login.error.tooManySeconds': 'Too many sign-in attempts. Try again in {seconds} seconds.',
	'login.signedOut': 'You have signed out.',

	'logout.title': 'Sign out',
	'logout.question': 'Sign out of Antrean on this device?',
	'logout.signedInAs': 'You are signed in as {name} ({role}).',
	'logout.notSignedIn': 'You are not signed in.',
	'logout.submit': 'Sign out',
	'logout.cancel': 'Cancel',
	'logout.toLogin': 'Go to sign in',
	'freshness.live': 'Live data',
	'freshness.asOf': 'Data as of {time} {zone}',
	'freshness.unknown': 'Data from a database copy; its time is not known yet',
	'freshness.note': 'Statistics are read from a copy of the database, which may lag a little.',
	'freshness.unavailable': 'The statistics copy of the database cannot be reached. Try again in a moment.'
};
