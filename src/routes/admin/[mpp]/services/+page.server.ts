import { readCatalogue } from '$lib/server/admin/catalogue-view';
import { activateService, createService, deactivateService, updateService } from '$lib/server/admin/services';
import { createTenant, setTenantActive, updateTenant } from '$lib/server/admin/tenants';
import { getSql } from '$lib/server/db/client';
import { act, formObject, guarded } from '../../form.server';
import { mppAdmin } from '../mpp.server';
import type { Actions, PageServerLoad } from './$types';

/** `?tenant=new|<id>`, `?service=new|<id>` and `?deactivate=<service id>` open the editors. */
export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { mpp } = await parent();
	const catalogue = await readCatalogue(getSql(), locals.actor, mpp.id);
	return {
		...catalogue,
		editTenant: url.searchParams.get('tenant'),
		editService: url.searchParams.get('service'),
		deactivate: url.searchParams.get('deactivate')
	};
};

const here = (slug: string) => `/admin/${slug}/services?saved`;

export const actions: Actions = {
	createTenant: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form);
		return act(
			locals.locale,
			'tenant',
			values,
			async () => createTenant(getSql(), locals.actor, mppId, values),
			here(params.mpp)
		);
	}),
	updateTenant: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form);
		return act(
			locals.locale,
			'tenant',
			values,
			async () => updateTenant(getSql(), locals.actor, mppId, String(values.id), values),
			here(params.mpp)
		);
	}),
	tenantActive: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'tenantActive', values, async () =>
			setTenantActive(getSql(), locals.actor, mppId, String(values.id), values.active === 'true')
		);
	}),
	createService: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form, ['counterIds']);
		return act(
			locals.locale,
			'service',
			values,
			async () => createService(getSql(), locals.actor, mppId, values),
			here(params.mpp)
		);
	}),
	updateService: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form, ['counterIds']);
		return act(
			locals.locale,
			'service',
			values,
			async () => updateService(getSql(), locals.actor, mppId, String(values.id), values),
			here(params.mpp)
		);
	}),
	deactivateService: guarded(mppAdmin, async ({ locals, params }, mppId, form) => {
		const values = formObject(form);
		return act(
			locals.locale,
			'deactivate',
			values,
			async () => deactivateService(getSql(), locals.actor, mppId, String(values.id), values),
			here(params.mpp)
		);
	}),
	activateService: guarded(mppAdmin, async ({ locals }, mppId, form) => {
		const values = formObject(form);
		return act(locals.locale, 'serviceActive', values, async () =>
			activateService(getSql(), locals.actor, mppId, String(values.id))
		);
	})
};
