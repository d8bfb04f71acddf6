/** Publics d'une plaquette (cadre opérationnel ANISCG, « Communiquer sur le poste d'intervenant social »). */
export const PUBLICS_PLAQUETTE = {
  fsi: 'Policiers et gendarmes',
  public: 'Public (personnes accueillies)',
  partenaires: 'Partenaires',
} as const
