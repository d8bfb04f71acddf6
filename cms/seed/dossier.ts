import path from 'node:path'

import { configuration } from '../../socle/configuration'

/** Dossier du contenu amorcé : `content/` à la racine du projet (configuration). */
export const dossierContenu = () => path.join(configuration().racine, 'content')
