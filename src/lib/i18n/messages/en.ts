// English, the second language. Typed against the Indonesian catalogue: a missing key fails the build.
import type { Catalogue } from '../catalogue';
import { accounts } from './en/accounts';
import { admin } from './en/admin';
import { base } from './en/base';
import { catalogue } from './en/catalogue';
import { book } from './en/book';
import { counter } from './en/counter';
import { coverage } from './en/coverage';
import { programme } from './en/programme';
import { display } from './en/display';
import { edge } from './en/edge';
import { history } from './en/history';
import { kiosk } from './en/kiosk';
import { manage } from './en/manage';
import { ministry } from './en/ministry';
import { survey } from './en/survey';
import { track } from './en/track';

export const en: Catalogue = {
	...base,
	...display,
	...kiosk,
	...counter,
	...track,
	...survey,
	...manage,
	...history,
	...ministry,
	...admin,
	...accounts,
	...catalogue,
	...book,
	...edge,
	...coverage,
	...programme
};
