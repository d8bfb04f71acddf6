import type { Field } from 'payload'

/**
 * Champs du second facteur d'un compte. Personne ne les lit ni ne les écrit par
 * l'API (ni l'admin, ni l'opérateur, ni le titulaire) : seul le module
 * cms/comptes/secondFacteur.ts y touche, côté serveur, en passant outre les
 * accès. Les secrets sont chiffrés au repos (socle/chiffrement.ts).
 */
const personne = { read: () => false, create: () => false, update: () => false }

export const champsSecondFacteur: Field[] = [
  // Secret TOTP actif, chiffré (« v1:<kid>:… »).
  { name: 'totpSecret', type: 'text', hidden: true, access: personne },
  // Secret proposé pendant l'enrôlement, chiffré, tant que le premier code n'est pas confirmé.
  { name: 'totpEnAttente', type: 'text', hidden: true, access: personne },
  // Dernier pas de 30 s accepté : un code déjà servi ne repasse pas.
  { name: 'totpDernierPas', type: 'number', hidden: true, access: personne },
  // Empreintes SHA-256 des codes de secours restants (jamais les codes).
  { name: 'codesSecours', type: 'json', hidden: true, access: personne },
]
