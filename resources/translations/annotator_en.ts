<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdjudicationWindow</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/review/adjudication_window.py" line="+206"/>
        <source>%n disagreement(s)</source>
        <translation>
            <numerusform>%n disagreement</numerusform>
            <numerusform>%n disagreements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorpusMatches</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/workspace/label_all_corpus.py" line="+54"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/import_export.py" line="+214"/>
        <source>%n item(s) to review; see the details.</source>
        <translation>
            <numerusform>%n item to review; see the details.</numerusform>
            <numerusform>%n items to review; see the details.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelAllDialog</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/workspace/label_all.py" line="+96"/>
        <source>%n new occurrence(s)</source>
        <translation>
            <numerusform>%n new occurrence</numerusform>
            <numerusform>%n new occurrences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/main_window.py" line="+229"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressWindow</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/review/progress_window.py" line="+69"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/search_panel.py" line="+172"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/messages.py" line="+67"/>
        <source>Import refused, project unchanged (%n problem(s)):</source>
        <translation>
            <numerusform>Import refused, project unchanged (%n problem):</numerusform>
            <numerusform>Import refused, project unchanged (%n problems):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n span</numerusform>
            <numerusform>%n spans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>; annotations added to %n existing document(s)</source>
        <translation>
            <numerusform>; annotations added to %n existing document</numerusform>
            <numerusform>; annotations added to %n existing documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>; %n annotator note(s) or unsure flag(s)</source>
        <translation>
            <numerusform>; %n annotator note or unsure flag</numerusform>
            <numerusform>; %n annotator notes or unsure flags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>Exported %n record to %1</numerusform>
            <numerusform>Exported %n records to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n token(s) split at annotation boundaries</source>
        <translation>
            <numerusform>%n token split at annotation boundaries</numerusform>
            <numerusform>%n tokens split at annotation boundaries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/workspace/command_texts.py" line="+63"/>
        <source>Label %n occurrence(s) of «%1» as %2</source>
        <translation>
            <numerusform>Label %n occurrence of «%1» as %2</numerusform>
            <numerusform>Label %n occurrences of «%1» as %2</numerusform>
        </translation>
    </message>
</context>
</TS>
