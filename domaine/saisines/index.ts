/**
 * Les saisines, sans Payload : schéma, cycle de vie et droits, retours permis
 * à l'unité qui a saisi (article 4), clé pseudonyme d'une personne, brouillon,
 * suivi (actes, orientations, situation connue, durée), signalements
 * judiciaires, rétention, courriel de notification, export du droit d'accès.
 * La collection, les pages et l'API de l'espace connecté appellent ce module.
 *
 * Le PDF du droit d'accès (export-personne-pdf.ts) s'importe à part, comme
 * ceux des plaquettes et du logigramme : lire une saisine ne charge pas pdfkit.
 * De même la lecture de la synthèse hebdomadaire du GGD (synthese-ggd.ts), qui
 * charge exceljs.
 */
export * from './brouillon'
export * from './cle-depot'
export * from './cle-personne'
export * from './export-personne'
export * from './historique'
export * from './notification'
export * from './retention'
export * from './retours'
export * from './schema'
export * from './signalements'
export * from './statuts'
export * from './suivi'
