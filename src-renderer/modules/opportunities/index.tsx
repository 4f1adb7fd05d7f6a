// STUB: being written; replaced before this lands.
import type { AppModule } from '../../app/modules';

export const opportunitiesModule: AppModule = { key: 'opportunities', path: '/opportunities', routes: [] };
