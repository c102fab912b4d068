"""French examples for every source-free rule: (code, text that must flag, text that must pass).

Each text is long enough to be detected as French, so the rule runs as in real use. A
meta-test fails when a rule has no example here.
"""

_FRENCH_TAIL = (
    "\n\nLe gouvernement a publié un communiqué vendredi matin pour préciser sa position. "
    "Les députés de l’opposition ont demandé des explications au ministre avant la fin de la session."
)

EXAMPLES = [
    ("MT101", "Il a parlé d’une “menace importante” pour la région.", "Il a parlé d’une « menace importante » pour la région."),
    ("MT102", 'Le président défend son "plan de victoire" devant les députés.', "Le président défend son « plan de victoire » devant les députés."),
    ("MT103", "« une menace importante »a souligné la présidence.", "« une menace importante », a souligné la présidence."),
    ("MT103", "Selon Yonhap (nouvelle agence)ce vendredi, les troupes arrivent.", "Selon Yonhap (agence de presse) ce vendredi, les troupes arrivent."),
    ("MT103", "Les troupes sont arrivées.Le Kremlin dément toute présence.", "Les troupes sont arrivées. Le Kremlin dément toute présence."),
    ("MT104", "Personnel civil ou militaire? La question reste ouverte pour Séoul.", "Personnel civil ou militaire ? La question reste ouverte pour Séoul."),
    ("MT104", "Le bilan est lourd: trois morts et dix blessés dans la région.", "Le bilan est lourd : trois morts et dix blessés, à 8:30 selon https://exemple.fr."),
    ("MT105", "Il dénonce «la coalition des criminels» devant la presse.", "Il dénonce « la coalition des criminels » devant la presse."),
    ("MT106", "Les troupes sont arrivées , selon les services de renseignement.", "Les troupes sont arrivées, selon les services de renseignement."),
    ("MT201", "The first troops arrived in eastern Russia last week, according to Seoul.", "Suivez l’actualité de la guerre en Ukraine sur notre site."),
    ("MT202", "Les soldats ont été déployés near the border selon les services de Séoul.", "Les soldats ont été déployés près de la frontière, selon les services de Séoul, ce week-end."),
    ("MT203", "Selon cette Source, un premier contingent serait arrivé en Russie.", "Selon cette source, un premier contingent serait arrivé en Russie, où les Russes l’attendaient."),
    ("MT203", "Ces livraisons violeraient les sanctions des Nations Unies contre Pyongyang.", "Ces livraisons violeraient les sanctions des Nations unies contre Pyongyang."),
    ("MT301", "Volodymyr Zelenskiy affirme détenir des informations sur ces troupes.", "Volodymyr Zelensky affirme détenir des informations sur ces troupes."),
    ("MT302", "Les forces seraient stationnées près de Shchyolkovo depuis octobre.", "Les forces seraient stationnées près de Chtchiolkovo depuis octobre."),
    ("MT401", 'La Corée du Nord dément. type="image/avif" class="jsx-2028956212">', "La Corée du Nord dément, selon un communiqué de l’agence officielle."),
    ("MT401", "La Corée du Nord&nbsp;dément toute présence de soldats en Russie.", "La Corée du Nord dément toute présence de soldats en Russie."),
    ("MT402", "a déclaré l’agence Yonhap (nouvelle fenêtre) vendredi dernier.", "a déclaré l’agence Yonhap vendredi dernier dans une dépêche."),
    ("MT403", "La Corée du Nord envoie des troupes en Russie.\n\nLire aussi\n\nLe Kremlin dément.", "La Corée du Nord envoie des troupes en Russie.\n\nIl faut lire aussi le rapport complet.\n\nLe Kremlin dément."),
    ("MT404", "Des soldats nord-coréens bientôt en Russie ?\n\nDes soldats nord-coréens bientôt en Russie ?", "Des soldats nord-coréens bientôt en Russie ?\n\nLe Kremlin dément cette information."),
    ("MT501", "Le soldat parle de les troupes envoyées en Russie par le régime.", "Le soldat parle des troupes envoyées en Russie par le régime."),
    ("MT502", "Cette décision fait sens pour Séoul et ses alliés de la région.", "Cette décision a du sens pour Séoul et ses alliés de la région."),
]
EXAMPLES = [(code, bad + _FRENCH_TAIL, good + _FRENCH_TAIL, {}) for code, bad, good in EXAMPLES]

# Rules that only speak once configured: (code, bad, good, settings).
EXAMPLES.append(
    (
        "MT503",
        "Envoyez vos questions par e-mail à la rédaction." + _FRENCH_TAIL,
        "Envoyez vos questions par courriel à la rédaction, ou un e-mailing." + _FRENCH_TAIL,
        {"terminology": {"e-mail": "courriel"}},
    )
)

# The segment checks (MT7xx) compare each target with its source: (code, bad units, good
# units, settings), each unit a (source, target) pair, None for a missing target. The units
# become a bilingual document as a bilingual file's do (tests/test_rules.py).
_GLOSSARY = {"glossary": "tests/data/bilingual/glossary.csv"}
SEGMENT_EXAMPLES = [
    ("MT701", [("Save your changes", "Save your changes")], [("Google Chrome", "Google Chrome"), ("Save your changes", "Enregistrez vos modifications")], {}),
    ("MT702", [("Open", None)], [("Open", "Ouvrir")], {}),
    ("MT702", [("Close the window", "  ")], [("", "")], {}),
    ("MT703", [("Delivery within 15 days", "Livraison sous 5 jours")], [("Delivery within 15 days", "Livraison sous 15 jours")], {}),
    ("MT703", [("Save 1,500 files", "Enregistrer 1,5 fichier")], [("Save 1,500 files of 3.5 MB", "Enregistrer 1 500 fichiers de 3,5 Mo")], {}),
    ("MT703", [("Add 2 items", "Ajouter 2 articles et 3 options")], [("You have three new messages", "Vous avez 3 nouveaux messages")], {}),
    ("MT703", [("Screen size: 15.6 inches", "Taille de l’écran : 15,6 cm")], [("Screen size: 15.6 inches (39.6 cm)", "Taille de l’écran : 15,6 pouces (39,6 cm)")], {}),
    ("MT704", [("Delete {0} files?", "Supprimer les fichiers ?")], [("Delete {0} files?", "Supprimer {0} fichiers ?")], {}),
    ("MT704", [("Hello %(name)s, <b>welcome</b>", "Bonjour, <b>bienvenue</b>")], [("%d%% done, %s left", "%d %% terminé, il reste %s")], {}),
    ("MT704", [("Click here", "Cliquez {0} ici")], [("Save 50% now", "Économisez 50 % de plus")], {}),
    ("MT705", [("Delete the folder", "Supprimez le dossier")], [("Delete the folders", "Supprimez les répertoires")], _GLOSSARY),
    ("MT706", [("The update fixes the login error and speeds up file downloads.", "La mise à jour corrige l’erreur.")],
     [("The update fixes the login error and speeds up file downloads.", "La mise à jour corrige l’erreur de connexion et accélère le téléchargement des fichiers.")], {}),
    ("MT707", [("Open the file", "Ouvrez le fichier fichier")], [("We are glad", "Nous nous réjouissons"), ("Visit Bora Bora", "Visitez Bora Bora")], {}),
    ("MT708", [("Total: ", "Total :")], [("Total: ", "Total : ")], {}),
    ("MT708", [("Name", " Nom")], [(" Name", " Nom")], {}),
    ("MT709", [("Delete this file?", "Supprimer ce fichier.")], [("Delete this file?", "Supprimer ce fichier ?")], {}),
    ("MT709", [("Settings", "Paramètres.")], [('He said "yes."', "Il a dit « oui ».")], {}),
    ("MT710", [("Save", "Enregistrer"), ("Save", "Sauvegarder")], [("Save", "Enregistrer"), ("save", "enregistrer")], {}),
    ("MT711", [("Close", "Fermer"), ("Shut down", "Fermer")], [("Close", "Fermer"), ("Close.", "Fermer.")], {}),
    ("MT712", [("The stainless steel water bottle keeps drinks cold.", "La stainless steel water bottle keeps les boissons froides.")],
     [("Open the file", "Ouvrez le fichier"), ("Delete this file?", "Supprimer ce fichier ?")], {"qe": True}),
]
