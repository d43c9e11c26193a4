// Bahasa Indonesia: the first language of Antrean and the source of every key. `{name}` marks a
// parameter; `t()` requires exactly the parameters a message names. One file per screen under id/,
// so screens can grow their texts without touching each other.
import { accounts } from './id/accounts';
import { admin } from './id/admin';
import { base } from './id/base';
import { catalogue } from './id/catalogue';
import { book } from './id/book';
import { counter } from './id/counter';
import { coverage } from './id/coverage';
import { programme } from './id/programme';
import { display } from './id/display';
import { edge } from './id/edge';
import { history } from './id/history';
import { kiosk } from './id/kiosk';
import { manage } from './id/manage';
import { ministry } from './id/ministry';
import { survey } from './id/survey';
import { track } from './id/track';

export const id = {
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
} as const;
