import { communesDeLAin } from '../../domaine/territoire'

/** Choix d'une commune de l'Ain, anciennes communes comprises : « Bellegarde-sur-Valserine (aujourd’hui Valserhône) ». */
export const choixCommunes = () =>
  communesDeLAin()
    .flatMap((c) => [{ code: c.code, libelle: c.nom }, ...c.anciensNoms.map((a) => ({ code: c.code, libelle: `${a} (aujourd’hui ${c.nom})` }))])
    .sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr'))
