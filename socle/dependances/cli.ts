import { spawnSync } from 'node:child_process'

import { configuration } from '../configuration'
import { avecDernieresVersions, paquetsDeProduction, tableau } from './paquets'

/**
 * `npm run dependances [-- --json]` : paquets de production, version installée,
 * dernière version du registre et licence. Le registre joignable ici ne répond
 * pas à `npm audit` ; `npm outdated` est tenté avec un délai, et son absence de
 * réponse donne « inconnue », jamais un échec.
 */
const racine = configuration().racine
const json = process.argv.includes('--json')

const npm = spawnSync('npm', ['outdated', '--json', '--omit=dev'], { cwd: racine, encoding: 'utf8', timeout: 60_000 })
// npm outdated sort en code 1 quand des paquets sont en retard : seule une sortie JSON sans erreur compte.
const sortie = npm.error || npm.signal ? undefined : npm.stdout
const paquets = avecDernieresVersions(paquetsDeProduction(racine), sortie)
const joignable = paquets.some((p) => p.derniere !== undefined)

if (json) console.log(JSON.stringify({ registreJoignable: joignable, paquets: paquets.map((p) => ({ ...p, installee: p.installee ?? null, derniere: p.derniere ?? null })) }, null, 2))
else console.log(tableau(paquets, joignable))
