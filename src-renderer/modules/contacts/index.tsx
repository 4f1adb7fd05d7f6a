// STUB: being written; replaced before this lands.
import type { AppModule } from '../../app/modules';

export const contactsModule: AppModule = { key: 'contacts', path: '/contacts', routes: [] };
