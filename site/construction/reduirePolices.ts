import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import subsetFont from 'subset-font'

import { DOSSIER_POLICES, dossierPolicesDsfr, POINTS_DE_CODE, POLICES, sourcesAttendues } from './polices'

/** `npm run polices` : régénère site/polices/ depuis les polices du DSFR installé (après une mise à jour du DSFR). */
mkdirSync(DOSSIER_POLICES, { recursive: true })
const texte = String.fromCodePoint(...POINTS_DE_CODE)
for (const { fichier } of POLICES) {
  const source = readFileSync(path.join(dossierPolicesDsfr(), fichier))
  const reduite = await subsetFont(source, texte, { targetFormat: 'woff2' })
  writeFileSync(path.join(DOSSIER_POLICES, fichier), reduite)
  console.log(`${fichier} : ${Math.round(source.length / 1024)} Ko → ${Math.round(reduite.length / 1024)} Ko`)
}
writeFileSync(path.join(DOSSIER_POLICES, 'sources.json'), `${JSON.stringify(sourcesAttendues(), null, 2)}\n`)
