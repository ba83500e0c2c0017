// Every route the emulator serves, in one list for the router.
import type { Route } from '../router.js';
import { feedRoutes } from './feeds.js';
import { itemRoutes } from './items.js';
import { orderRoutes } from './orders.js';
import { specRoutes } from './spec.js';
import { tokenRoutes } from './token.js';

export const ROUTES: readonly Route[] = [...tokenRoutes, ...specRoutes, ...feedRoutes, ...itemRoutes, ...orderRoutes];
