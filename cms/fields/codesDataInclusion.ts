import { referentiels } from '../../content/schemas/data-inclusion'

/** Listes de codes du schéma data·inclusion v1 (et extension type_partenaire), converties en options Payload. */
const enOptions = (codes: Record<string, string>) =>
  Object.entries(codes).map(([value, label]) => ({ value, label }))

export const options = {
  frais: enOptions(referentiels.frais),
  mobilisablePar: enOptions(referentiels.mobilisablePar),
  modesAccueil: enOptions(referentiels.modesAccueil),
  modesMobilisation: enOptions(referentiels.modesMobilisation),
  publics: enOptions(referentiels.publics),
  reseauxPorteurs: enOptions(referentiels.reseauxPorteurs),
  typesDeServices: enOptions(referentiels.typesDeServices),
  typesPartenaires: enOptions(referentiels.typesPartenaires),
}
