import { createEdgeNode, listEdgeNodesForAdmin, revokeEdgeNode } from '$lib/server/admin/edge-nodes';
import { claimPairing, listDevicesForAdmin, renameDevice, revokeDevice } from '$lib/server/admin/devices';
import { getSql } from '$lib/server/db/client';
import { act, actShowing, formObject, guarded } from '../../form.server';
import { mppAdmin } from '../mpp.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { mpp } = await parent();
	const devices = await listDevicesForAdmin(getSql(), locals.actor, mpp.id);
	const edgeNodes = await listEdgeNodesForAdmin(getSql(), locals.actor, mpp.id);
	return {
		paired: url.searchParams.get('paired'),
		devices: devices.map((d) => ({
			...d,
			lastSeenAt: d.lastSeenAt?.toISOString() ?? null,
			revokedAt: d.revokedAt?.toISOString() ?? null,
			createdAt: d.createdAt.toISOString()
		})),
		edgeNodes: edgeNodes.map((e) => ({
			id: e.id,
			name: e.name,
			lastSeenAt: e.lastSeenAt?.toISOString() ?? null,
			dataThrough: e.dataThrough?.toISOString() ?? null,
			clockSkewMs: e.clockSkewMs,
			revokedAt: e.revokedAt?.toISOString() ?? null
		}))
	};
};

export const actions: Actions = {
	pair: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form);
		const name = String(values.name ?? '').trim();
		return act(
			locals.locale,
			'pair',
			values,
			async () => claimPairing(getSql(), locals.actor, mppId, values),
			`/admin/${params.mpp}/devices?${new URLSearchParams({ paired: name })}`
		);
	}),
	rename: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'rename', values, async () =>
			renameDevice(getSql(), locals.actor, mppId, String(values.id), values)
		);
	}),
	revoke: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'revoke', values, async () =>
			revokeDevice(getSql(), locals.actor, mppId, String(values.id))
		);
	}),
	createEdge: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return actShowing(
			locals.locale,
			'createEdge',
			values,
			async () => createEdgeNode(getSql(), locals.actor, mppId, values),
			({ node, token }) => ({ edgeToken: { name: node.name, token } })
		);
	}),
	revokeEdge: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'revokeEdge', values, async () =>
			revokeEdgeNode(getSql(), locals.actor, mppId, String(values.id))
		);
	})
};
