/**
 * `npm test` doit tenir en 30 minutes sur la machine de l'intégration continue
 * (2 cœurs). Quelques vérifications longues qui redisent sur PostgreSQL ce que
 * SQLite vérifie déjà, sans dépendre de la base pour l'essentiel, n'y tournent
 * que sur demande : `PASSERELLE_TESTS_LONGS=oui npm test` (environ 6 minutes
 * de plus), à lancer avant de livrer un changement de la publication, des
 * commandes de l'annuaire ou des formulaires. Voir README, « Tester ».
 */
export const testsLongs = process.env.PASSERELLE_TESTS_LONGS === 'oui'

/** Vrai sur SQLite ; sur PostgreSQL, seulement avec PASSERELLE_TESTS_LONGS=oui. */
export const aussiSurPostgresSiLongs = () => process.env.PASSERELLE_TEST_BASE !== 'postgres' || testsLongs
