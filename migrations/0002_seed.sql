-- Seed data: the six départements of Centre-Val de Loire (plus "hors région"),
-- the regional consultation and its seven themes ("sept enjeux numériques").
-- Only the first theme title is official; the six others are a reconstruction
-- from the region's 2016 concertation and stay editable by administrators.

INSERT INTO territories (code, name, prefecture, region_code, population, population_year, position) VALUES
	('18', 'Cher',		 'Bourges',	'24', 300933, 2020, 1),
	('28', 'Eure-et-Loir',	 'Chartres',	'24', 431443, 2020, 2),
	('36', 'Indre',		 'Châteauroux',	'24', 218707, 2020, 3),
	('37', 'Indre-et-Loire', 'Tours',	'24', 610079, 2020, 4),
	('41', 'Loir-et-Cher',	 'Blois',	'24', 329470, 2020, 5),
	('45', 'Loiret',	 'Orléans',	'24', 680434, 2020, 6),
	('HR', 'Hors région',	 NULL,		NULL, NULL,   NULL, 7);

INSERT INTO consultations (slug, title, summary, body, opens_at, closes_at, is_primary) VALUES (
	'strategie-numerique',
	'Stratégie régionale des usages et services numériques',
	'La Région Centre-Val de Loire vous demande ce qu''elle doit faire, dans les années qui viennent, pour que le numérique serve chacune et chacun, partout sur le territoire.',
$md$La stratégie régionale des usages et services numériques s'organise autour de **sept enjeux**. Le premier, le cadre éthique et les valeurs de notre démarche, fixe les règles du jeu ; la protection des données personnelles et la réduction de la fracture numérique traversent tous les autres.

Pour chaque enjeu, vous pouvez lire le texte de la Région, déposer une proposition, argumenter pour ou contre celles des autres, commenter et donner votre avis (d'accord, mitigé, pas d'accord). Chaque avis compte pour une personne.

Vous n'êtes pas à l'aise avec Internet ? Les espaces publics numériques (EPN) de la région, dont l'EPN mobile qui circule dans les communes rurales, peuvent saisir votre contribution avec vous.

À la clôture, les élus reçoivent un rapport par enjeu, public et reproductible à partir des données ouvertes, et la Région répond officiellement aux propositions.$md$,
	'2026-11-16 00:00:00+01', '2027-03-01 00:00:00+01', true);

INSERT INTO themes (consultation_id, slug, position, title, summary, body)
SELECT c.id, t.slug, t.position, t.title, t.summary, t.body
FROM consultations c,
(VALUES
(1, 'ethique', 'Le cadre éthique et les valeurs de notre démarche',
 'Protection des données personnelles, transparence, loyauté des services numériques publics.',
$md$Avant de développer de nouveaux services, la Région veut se donner des règles : quelles données personnelles collecter, et surtout lesquelles ne pas collecter ; comment rendre compte des algorithmes utilisés dans l'action publique ; comment garantir qu'un service numérique ne remplace jamais un guichet humain pour celles et ceux qui en ont besoin.

Questions ouvertes :

- Quels engagements la Région doit-elle prendre sur les données des habitants (durée de conservation, hébergement, ouverture) ?
- Comment associer les citoyens au contrôle de ces engagements ?
- Quelle place pour les logiciels libres et les formats ouverts ?$md$),
(2, 'territoires', 'Territoires connectés et inclusion numérique',
 'Très haut débit, espaces publics numériques (dont l''EPN mobile), médiation, réduction des fractures territoriales.',
$md$Le très haut débit progresse, mais une partie des habitants reste à l'écart du numérique, faute de réseau, d'équipement ou d'accompagnement. Les espaces publics numériques et leurs médiateurs, dont l'EPN mobile qui circule dans les communes rurales, sont le premier point de contact.

Questions ouvertes :

- Où la couverture reste-t-elle insuffisante dans votre commune ?
- Quels services de médiation vous seraient utiles, et où ?
- Comment faire connaître les lieux d'accompagnement existants ?$md$),
(3, 'education', 'Éducation et numérique',
 'Lycées connectés, ressources pédagogiques, usages responsables.',
$md$La Région équipe les lycées et finance des ressources pédagogiques numériques. Elle veut que ces outils servent les apprentissages sans exclure les familles moins équipées, et qu'ils apprennent aussi un usage critique et responsable des écrans et des réseaux.

Questions ouvertes :

- Quels équipements et quelles ressources manquent dans les lycées ?
- Comment accompagner les familles sans connexion ou sans ordinateur ?
- Quelle éducation aux médias et à la protection de la vie privée ?$md$),
(4, 'formation', 'Formation et compétences numériques',
 'Formation tout au long de la vie, métiers du numérique, apprentissage.',
$md$Le numérique transforme la plupart des métiers. La Région, compétente pour la formation professionnelle, souhaite aider chacun à acquérir les compétences utiles, du premier usage d'un ordinateur aux métiers spécialisés du numérique.

Questions ouvertes :

- Quelles formations vous ont manqué, ou vous manquent aujourd'hui ?
- Comment rendre les formations accessibles hors des grandes villes ?
- Quels métiers du numérique développer dans la région ?$md$),
(5, 'culture', 'Culture et patrimoine numériques',
 'Création, patrimoine numérisé, tiers-lieux culturels.',
$md$Châteaux, archives, musées, création contemporaine : le patrimoine de la région est riche. Le numérique permet de le rendre accessible à tous, de soutenir la création et de faire vivre des tiers-lieux culturels sur tout le territoire.

Questions ouvertes :

- Quels fonds patrimoniaux devraient être numérisés et publiés en priorité ?
- Comment soutenir les créateurs et les tiers-lieux culturels ?
- Sous quelles licences partager les contenus numérisés ?$md$),
(6, 'sante', 'Santé et numérique',
 'E-santé, télémédecine dans les territoires ruraux, données de santé.',
$md$Dans les territoires où les médecins manquent, la télémédecine et les outils numériques peuvent rapprocher les soins des patients. Ils posent aussi des questions sérieuses : confidentialité des données de santé, accès pour les personnes âgées ou peu équipées, maintien d'un lien humain.

Questions ouvertes :

- Quels usages de la télémédecine seraient utiles près de chez vous ?
- Quelles garanties attendez-vous sur vos données de santé ?
- Comment éviter que le numérique éloigne encore les plus fragiles ?$md$),
(7, 'economie', 'Économie, innovation et citoyenneté numériques',
 'Start-up et entreprises régionales, données ouvertes, services publics en ligne, participation citoyenne.',
$md$Le numérique est un levier pour les entreprises de la région, des start-up aux artisans, et pour la démocratie locale : données publiques ouvertes, services en ligne, consultations comme celle-ci.

Questions ouvertes :

- Quelles données publiques la Région devrait-elle ouvrir en priorité ?
- Comment aider les petites entreprises à se numériser ?
- Quels services publics en ligne vous simplifieraient la vie ?$md$)
) AS t(position, slug, title, summary, body)
WHERE c.slug = 'strategie-numerique';
