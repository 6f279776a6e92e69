// Checks an ontology file against the OWL 2 DL and OWL 2 RL profiles with the OWL API
// (Debian's libowlapi-java): prints each violation, exits 1 if there is any.
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWL2RLProfile;
import org.semanticweb.owlapi.profiles.OWLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class ProfileCheck {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new File(args[0]));
        int violations = 0;
        for (OWLProfile profile : new OWLProfile[] {new OWL2DLProfile(), new OWL2RLProfile()}) {
            OWLProfileReport report = profile.checkOntology(ontology);
            System.out.println(profile.getName() + ": " + report.getViolations().size() + " violations");
            for (OWLProfileViolation violation : report.getViolations()) {
                System.out.println("  " + violation);
            }
            violations += report.getViolations().size();
        }
        System.exit(violations == 0 ? 0 : 1);
    }
}
