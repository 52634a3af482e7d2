// The asset register's API shapes (src/modules/assets/http-schemas.ts), from the generated types.
import type { Answer } from '../../api/types.ts';
import { ROLE_ADMIN, ROLE_CASE_WORKER, ROLE_FRONT_DESK } from '../../session/index.ts';

export const ASSETS = '/api/v1/staff/m/{kommunenummer}/assets';
export const ASSET = '/api/v1/staff/m/{kommunenummer}/assets/{id}';
export const ASSET_TYPES = '/api/v1/staff/m/{kommunenummer}/asset-types';

export type AssetList = Answer<typeof ASSETS>;
export type AssetListItem = AssetList['items'][number];
export type Asset = Answer<typeof ASSET>;
export type AssetType = Answer<typeof ASSET_TYPES>['types'][number];

/** The roles the server's asset.read policy lets through (src/modules/accounts/policies.ts). */
export const ASSET_READERS = [ROLE_ADMIN, ROLE_CASE_WORKER, ROLE_FRONT_DESK, 'feltarbeider'];

/** Reports in the last 12 months from which an asset counts as having repeated faults. */
export const REPEATED_FAULTS = 3;
