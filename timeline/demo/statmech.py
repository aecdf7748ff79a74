"""Timeline for the statistical mechanics of neural networks (dates and references checked)."""

from .records import Entry, Ref, Timeline

SK_POST = "replica-method-sk-model"
DMFT_POST = "dmft-random-recurrent-neural-networks"
DMFT_INTRO_POST = "introduction-to-dmft-formalism"
PERCEPTRON_POST = "replica-method-boolean-perceptron"
REM_POST = "entropy-fluctuations-complexity"
CHAOS_POST = "phase-transition-classical-dynamics"

TIMELINE = Timeline(
    slug="timeline-statistical-mechanics-neural-networks",
    title="Timeline for Statistical Mechanics of Neural Networks",
    date="2025-04-22",
    summary="A timeline highlighting key developments in the application of statistical mechanics to neural networks.",
    introduction=(
        "<p>Physicists came to neural networks through spin glasses: the mathematics of disordered "
        "magnets, with couplings $J_{ij}$ drawn at random, also describes memories stored in "
        "synapses and weights learned from random examples. These are the landmarks this blog builds on.</p>"
    ),
    groups=(
        ("spin-glasses", "Spin glasses"),
        ("memory", "Memory"),
        ("learning", "Learning theory"),
        ("dynamics", "Dynamics"),
        ("deep", "Deep networks"),
    ),
    eras=(
        ("Foundations", 1920, 1974, "Ising models, formal neurons and Hebbian learning."),
        ("The spin-glass revolution", 1975, 1986, "Mean-field spin glasses and the replica method, then their first neural applications."),
        ("Storage, learning and chaos", 1987, 1999, "Gardner's space of interactions, learning curves and the dynamics of random networks."),
        ("Inference and deep networks", 2000, None, "Message passing, high-dimensional inference and the theory of deep learning."),
    ),
    entries=(
        Entry(
            "ising-model", "1925", "The Ising model",
            "<p>Ising solves the one-dimensional version of Lenz's model of a magnet, spins $s_i = \\pm 1$ "
            "with nearest-neighbour couplings, and finds no phase transition. The model becomes the "
            "language of neural networks sixty years later.</p>",
            "spin-glasses", ("ising",),
            (Ref("E. Ising", "Beitrag zur Theorie des Ferromagnetismus", "Zeitschrift für Physik 31, 253–258", 1925, doi="10.1007/BF02980577"),),
        ),
        Entry(
            "mcculloch-pitts", "1943", "McCulloch–Pitts neurons",
            "<p>Neurons as threshold logic units: a unit fires when the weighted sum of its inputs exceeds a "
            "threshold, a binary variable much like an Ising spin.</p>",
            "memory", ("neurons",),
            (Ref("W. S. McCulloch and W. Pitts", "A logical calculus of the ideas immanent in nervous activity",
                 "Bulletin of Mathematical Biophysics 5, 115–133", 1943, doi="10.1007/BF02478259"),),
        ),
        Entry(
            "hebb-rule", "1949", "Hebb's rule",
            "<p>Hebb proposes that connections between neurons that fire together are strengthened, the "
            "learning rule later written $J_{ij} \\propto \\sum_\\mu \\xi_i^\\mu \\xi_j^\\mu$.</p>",
            "memory", ("hebbian-learning",),
            (Ref("D. O. Hebb", "The Organization of Behavior", "Wiley, New York", 1949),),
        ),
        Entry(
            "little-persistent-states", "1974", "Little's persistent states",
            "<p>Little maps a network of McCulloch–Pitts neurons with synchronous updates onto an Ising-like "
            "model and relates persistent firing patterns to long-range order.</p>",
            "memory", ("ising", "associative-memory"),
            (Ref("W. A. Little", "The existence of persistent states in the brain", "Mathematical Biosciences 19, 101–120", 1974),),
        ),
        Entry(
            "edwards-anderson", "1975", "Edwards–Anderson model",
            "<p>Edwards and Anderson introduce a short-range spin glass with random couplings and the order "
            "parameter $q_{EA} = \\overline{\\langle s_i \\rangle^2}$, computed with the replica trick.</p>",
            "spin-glasses", ("spin-glasses", "replica-method"),
            (Ref("S. F. Edwards and P. W. Anderson", "Theory of spin glasses", "Journal of Physics F 5, 965–974", 1975,
                 doi="10.1088/0305-4608/5/5/017"),),
        ),
        Entry(
            "sherrington-kirkpatrick", "1975-12", "Sherrington–Kirkpatrick model",
            "<p>The infinite-range spin glass: every pair of spins interacts, with Gaussian couplings of "
            "variance $J^2/N$. Its replica-symmetric solution gives a negative entropy at low temperature, "
            "the first sign that something subtler is going on.</p>",
            "spin-glasses", ("spin-glasses", "replica-method"),
            (Ref("D. Sherrington and S. Kirkpatrick", "Solvable model of a spin-glass", "Physical Review Letters 35, 1792–1796", 1975,
                 doi="10.1103/PhysRevLett.35.1792"),),
            posts=(SK_POST,),
        ),
        Entry(
            "tap-equations", "1977", "Thouless–Anderson–Palmer equations",
            "<p>Mean-field equations for the local magnetisations of the SK model, with the Onsager "
            "reaction term, without replicas.</p>",
            "spin-glasses", ("spin-glasses", "mean-field"),
            (Ref("D. J. Thouless, P. W. Anderson and R. G. Palmer", "Solution of 'Solvable model of a spin glass'",
                 "Philosophical Magazine 35, 593–601", 1977, doi="10.1080/14786437708235992"),),
            posts=(SK_POST,),
        ),
        Entry(
            "almeida-thouless", "1978", "The de Almeida–Thouless line",
            "<p>The replica-symmetric SK solution becomes unstable below a line in the $(T, h)$ plane, the "
            "AT line, where replica symmetry must be broken.</p>",
            "spin-glasses", ("spin-glasses", "replica-method"),
            (Ref("J. R. L. de Almeida and D. J. Thouless", "Stability of the Sherrington-Kirkpatrick solution of a spin glass model",
                 "Journal of Physics A 11, 983–990", 1978, doi="10.1088/0305-4470/11/5/028"),),
            posts=(SK_POST,),
        ),
        Entry(
            "parisi-rsb", "1979", "Parisi's replica symmetry breaking",
            "<p>Parisi's ansatz breaks replica symmetry in a hierarchy of steps; in the full solution the "
            "overlap becomes a function $q(x)$ on $0 \\le x \\le 1$.</p>",
            "spin-glasses", ("spin-glasses", "replica-method"),
            (Ref("G. Parisi", "Infinite number of order parameters for spin-glasses", "Physical Review Letters 43, 1754–1756", 1979,
                 doi="10.1103/PhysRevLett.43.1754"),),
            posts=(SK_POST,),
        ),
        Entry(
            "random-energy-model", "1980", "The random energy model",
            "<p>Derrida's random energy model, $2^N$ independent Gaussian energies, is solvable exactly and "
            "freezes at a critical temperature where the entropy vanishes.</p>",
            "spin-glasses", ("spin-glasses", "complexity"),
            (Ref("B. Derrida", "Random-energy model: limit of a family of disordered models", "Physical Review Letters 45, 79–82", 1980,
                 doi="10.1103/PhysRevLett.45.79"),),
            posts=(REM_POST,),
        ),
        Entry(
            "hopfield-network", "1982-04", "Hopfield's associative memory",
            "<p>A network of binary neurons with symmetric Hebbian couplings has an energy function; stored "
            "patterns are its minima, and recall is descent in energy.</p>",
            "memory", ("associative-memory", "hebbian-learning"),
            (Ref("J. J. Hopfield", "Neural networks and physical systems with emergent collective computational abilities",
                 "Proceedings of the National Academy of Sciences 79, 2554–2558", 1982, doi="10.1073/pnas.79.8.2554"),),
        ),
        Entry(
            "simulated-annealing", "1983", "Simulated annealing",
            "<p>Kirkpatrick, Gelatt and Vecchi turn the Metropolis algorithm with a slowly lowered "
            "temperature into a general optimisation method.</p>",
            "dynamics", ("optimisation",),
            (Ref("S. Kirkpatrick, C. D. Gelatt and M. P. Vecchi", "Optimization by simulated annealing", "Science 220, 671–680", 1983,
                 doi="10.1126/science.220.4598.671"),),
        ),
        Entry(
            "ultrametricity", "1984", "Nature of the spin-glass phase",
            "<p>Mézard, Parisi, Sourlas, Toulouse and Virasoro show that the pure states of the SK model are "
            "organised ultrametrically, giving Parisi's $q(x)$ a physical meaning.</p>",
            "spin-glasses", ("spin-glasses", "replica-method"),
            (Ref("M. Mézard, G. Parisi, N. Sourlas, G. Toulouse and M. Virasoro", "Nature of the spin-glass phase",
                 "Physical Review Letters 52, 1156–1159", 1984, doi="10.1103/PhysRevLett.52.1156"),),
        ),
        Entry(
            "boltzmann-machine", "1985", "Boltzmann machines",
            "<p>Ackley, Hinton and Sejnowski learn the couplings of a stochastic Ising network with hidden "
            "units so that its Gibbs distribution models data.</p>",
            "learning", ("boltzmann-machine", "generative-models"),
            (Ref("D. H. Ackley, G. E. Hinton and T. J. Sejnowski", "A learning algorithm for Boltzmann machines",
                 "Cognitive Science 9, 147–169", 1985, doi="10.1207/s15516709cog0901_7"),),
        ),
        Entry(
            "ags-capacity", "1985", "Storage capacity of the Hopfield model",
            "<p>Amit, Gutfreund and Sompolinsky solve the Hopfield model with $P = \\alpha N$ patterns by the "
            "replica method: retrieval breaks down at $\\alpha_c \\approx 0.138$.</p>",
            "memory", ("associative-memory", "replica-method"),
            (Ref("D. J. Amit, H. Gutfreund and H. Sompolinsky",
                 "Storing infinite numbers of patterns in a spin-glass model of neural networks",
                 "Physical Review Letters 55, 1530–1533", 1985, doi="10.1103/PhysRevLett.55.1530"),),
            posts=(SK_POST,),
        ),
        Entry(
            "spin-glass-theory-and-beyond", "1987", "Spin Glass Theory and Beyond",
            "<p>Mézard, Parisi and Virasoro collect the replica and cavity methods, with reprints, in the book "
            "that trained a generation.</p>",
            "spin-glasses", ("replica-method", "cavity-method"),
            (Ref("M. Mézard, G. Parisi and M. A. Virasoro", "Spin Glass Theory and Beyond", "World Scientific, Singapore", 1987),),
        ),
        Entry(
            "gardner-space-of-interactions", "1988", "Gardner's space of interactions",
            "<p>Gardner computes the volume of couplings that store given patterns: for a perceptron with "
            "continuous weights and unbiased patterns, the capacity is $\\alpha_c = 2$. The replica method is "
            "now applied to the weights, not the neurons.</p>",
            "learning", ("perceptron", "replica-method"),
            (Ref("E. Gardner", "The space of interactions in neural network models", "Journal of Physics A 21, 257–270", 1988,
                 doi="10.1088/0305-4470/21/1/030"),),
            posts=(PERCEPTRON_POST,),
        ),
        Entry(
            "gardner-derrida", "1988", "Optimal storage properties",
            "<p>Gardner and Derrida extend the calculation to the fraction of errors and to biased "
            "patterns.</p>",
            "learning", ("perceptron", "replica-method"),
            (Ref("E. Gardner and B. Derrida", "Optimal storage properties of neural network models", "Journal of Physics A 21, 271–284", 1988,
                 doi="10.1088/0305-4470/21/1/031"),),
            posts=(PERCEPTRON_POST,),
        ),
        Entry(
            "scs-chaos", "1988", "Chaos in random neural networks",
            "<p>Sompolinsky, Crisanti and Sommers solve the dynamics of a large network with random "
            "asymmetric couplings by dynamical mean-field theory: at gain $g = 1$ the quiescent state gives "
            "way to chaos.</p>",
            "dynamics", ("dmft", "chaos"),
            (Ref("H. Sompolinsky, A. Crisanti and H. J. Sommers", "Chaos in random neural networks",
                 "Physical Review Letters 61, 259–262", 1988, doi="10.1103/PhysRevLett.61.259"),),
            posts=(DMFT_POST, CHAOS_POST, DMFT_INTRO_POST),
        ),
        Entry(
            "krauth-mezard-binary", "1989", "Binary couplings",
            "<p>Krauth and Mézard compute the storage capacity of the perceptron with weights $\\pm 1$, "
            "$\\alpha_c \\approx 0.83$, where replica symmetry must be handled with care.</p>",
            "learning", ("perceptron", "replica-method"),
            (Ref("W. Krauth and M. Mézard", "Storage capacity of memory networks with binary couplings",
                 "Journal de Physique 50, 3057–3066", 1989),),
            posts=(PERCEPTRON_POST,),
        ),
        Entry(
            "sst-learning-from-examples", "1992", "Learning from examples",
            "<p>Seung, Sompolinsky and Tishby compute learning curves, the generalisation error as a "
            "function of $\\alpha = P/N$, for perceptrons in the teacher–student setting.</p>",
            "learning", ("perceptron", "teacher-student", "generalisation"),
            (Ref("H. S. Seung, H. Sompolinsky and N. Tishby", "Statistical mechanics of learning from examples",
                 "Physical Review A 45, 6056–6091", 1992, doi="10.1103/PhysRevA.45.6056"),),
            posts=(PERCEPTRON_POST,),
        ),
        Entry(
            "watkin-rau-biehl", "1993", "The statistical mechanics of learning a rule",
            "<p>A review in Reviews of Modern Physics gathers the learning-curve results of the early "
            "1990s.</p>",
            "learning", ("generalisation", "review"),
            (Ref("T. L. H. Watkin, A. Rau and M. Biehl", "The statistical mechanics of learning a rule",
                 "Reviews of Modern Physics 65, 499–556", 1993, doi="10.1103/RevModPhys.65.499"),),
        ),
        Entry(
            "saad-solla", "1995", "On-line learning in committee machines",
            "<p>Saad and Solla reduce on-line gradient descent in two-layer networks to ordinary differential "
            "equations for a few order parameters, with plateaus from symmetric fixed points.</p>",
            "learning", ("teacher-student", "dynamics"),
            (Ref("D. Saad and S. A. Solla", "On-line learning in soft committee machines", "Physical Review E 52, 4225–4243", 1995,
                 doi="10.1103/PhysRevE.52.4225"),),
        ),
        Entry(
            "balanced-networks", "1996", "Balanced excitation and inhibition",
            "<p>Van Vreeswijk and Sompolinsky show that strong excitation and inhibition cancel dynamically, "
            "giving irregular, chaotic firing as in cortex.</p>",
            "dynamics", ("chaos", "neuroscience"),
            (Ref("C. van Vreeswijk and H. Sompolinsky", "Chaos in neuronal networks with balanced excitatory and inhibitory activity",
                 "Science 274, 1724–1726", 1996, doi="10.1126/science.274.5293.1724"),),
            posts=(DMFT_POST,),
        ),
        Entry(
            "engel-van-den-broeck", "2001", "Statistical Mechanics of Learning",
            "<p>Engel and Van den Broeck's textbook on the replica theory of perceptrons and learning curves.</p>",
            "learning", ("review", "perceptron"),
            (Ref("A. Engel and C. Van den Broeck", "Statistical Mechanics of Learning", "Cambridge University Press", 2001),),
            posts=(PERCEPTRON_POST,),
        ),
        Entry(
            "random-k-sat", "2002", "Survey propagation and random satisfiability",
            "<p>Mézard, Parisi and Zecchina use the cavity method with one step of replica symmetry breaking to "
            "locate the phases of random $K$-SAT and turn it into an algorithm.</p>",
            "spin-glasses", ("cavity-method", "inference"),
            (Ref("M. Mézard, G. Parisi and R. Zecchina", "Analytic and algorithmic solution of random satisfiability problems",
                 "Science 297, 812–815", 2002, doi="10.1126/science.1073287"),),
        ),
        Entry(
            "amp-compressed-sensing", "2009", "Approximate message passing",
            "<p>Donoho, Maleki and Montanari derive approximate message passing from TAP-like equations and "
            "predict its phase transitions in compressed sensing exactly.</p>",
            "learning", ("inference", "message-passing"),
            (Ref("D. L. Donoho, A. Maleki and A. Montanari", "Message-passing algorithms for compressed sensing",
                 "Proceedings of the National Academy of Sciences 106, 18914–18919", 2009, doi="10.1073/pnas.0909892106"),),
        ),
        Entry(
            "deep-linear-dynamics", "2013-12", "Exact dynamics of deep linear networks",
            "<p>Saxe, McClelland and Ganguli solve gradient descent in deep linear networks: modes are learned "
            "one by one, in sigmoidal transitions.</p>",
            "deep", ("dynamics", "deep-learning"),
            (Ref("A. M. Saxe, J. L. McClelland and S. Ganguli",
                 "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks",
                 "International Conference on Learning Representations (ICLR)", 2014, arxiv="1312.6120"),),
        ),
        Entry(
            "statistical-physics-of-inference", "2016", "Statistical physics of inference",
            "<p>Zdeborová and Krzakala review thresholds and algorithms of high-dimensional inference through "
            "the lens of spin-glass theory.</p>",
            "learning", ("inference", "review"),
            (Ref("L. Zdeborová and F. Krzakala", "Statistical physics of inference: thresholds and algorithms",
                 "Advances in Physics 65, 453–552", 2016, doi="10.1080/00018732.2016.1211393"),),
        ),
        Entry(
            "transient-chaos", "2016-06", "Signal propagation and transient chaos",
            "<p>Poole and colleagues propagate signals through deep random networks with mean-field theory and "
            "find an order-to-chaos transition that controls expressivity.</p>",
            "deep", ("chaos", "deep-learning", "mean-field"),
            (Ref("B. Poole, S. Lahiri, M. Raghu, J. Sohl-Dickstein and S. Ganguli",
                 "Exponential expressivity in deep neural networks through transient chaos",
                 "Advances in Neural Information Processing Systems 29", 2016, arxiv="1606.05340"),),
            posts=(CHAOS_POST,),
        ),
        Entry(
            "deep-information-propagation", "2016-11", "Deep information propagation",
            "<p>Schoenholz, Gilmer, Ganguli and Sohl-Dickstein show that random networks are trainable to depths "
            "set by correlation lengths that diverge at the edge of chaos.</p>",
            "deep", ("chaos", "deep-learning", "mean-field"),
            (Ref("S. S. Schoenholz, J. Gilmer, S. Ganguli and J. Sohl-Dickstein", "Deep information propagation",
                 "International Conference on Learning Representations (ICLR)", 2017, arxiv="1611.01232"),),
        ),
        Entry(
            "neural-tangent-kernel", "2018-06", "The neural tangent kernel",
            "<p>Jacot, Gabriel and Hongler show that in the infinite-width limit, gradient descent on a network "
            "is kernel regression with a fixed kernel.</p>",
            "deep", ("deep-learning", "kernels"),
            (Ref("A. Jacot, F. Gabriel and C. Hongler", "Neural tangent kernel: convergence and generalization in neural networks",
                 "Advances in Neural Information Processing Systems 31", 2018, arxiv="1806.07572"),),
        ),
        Entry(
            "mean-field-two-layer", "2018", "Mean-field theory of two-layer networks",
            "<p>Mei, Montanari and Nguyen describe stochastic gradient descent in wide two-layer networks as a "
            "partial differential equation for the distribution of neurons.</p>",
            "deep", ("deep-learning", "mean-field", "dynamics"),
            (Ref("S. Mei, A. Montanari and P.-M. Nguyen", "A mean field view of the landscape of two-layer neural networks",
                 "Proceedings of the National Academy of Sciences 115, E7665–E7671", 2018, doi="10.1073/pnas.1806579115"),),
        ),
        Entry(
            "statmech-of-deep-learning-review", "2020", "Statistical mechanics of deep learning",
            "<p>Bahri and colleagues review what statistical physics says about expressivity, trainability and "
            "generalisation of deep networks.</p>",
            "deep", ("review", "deep-learning"),
            (Ref("Y. Bahri, J. Kadmon, J. Pennington, S. S. Schoenholz, J. Sohl-Dickstein and S. Ganguli",
                 "Statistical mechanics of deep learning", "Annual Review of Condensed Matter Physics 11, 501–528", 2020,
                 doi="10.1146/annurev-conmatphys-031119-050745"),),
        ),
        Entry(
            "nobel-parisi", "2021-10", "Nobel Prize for Parisi",
            "<p>Giorgio Parisi shares the Nobel Prize in Physics for the discovery of the interplay of disorder "
            "and fluctuations in physical systems, with Syukuro Manabe and Klaus Hasselmann.</p>",
            "spin-glasses", ("spin-glasses", "prize"),
            (Ref("The Nobel Committee for Physics", "The Nobel Prize in Physics 2021", "nobelprize.org", 2021,
                 url="https://www.nobelprize.org/prizes/physics/2021/summary/"),),
        ),
        Entry(
            "nobel-hopfield-hinton", "2024-10", "Nobel Prize for Hopfield and Hinton",
            "<p>John Hopfield and Geoffrey Hinton receive the Nobel Prize in Physics for foundational discoveries "
            "and inventions that enable machine learning with artificial neural networks.</p>",
            "memory", ("associative-memory", "boltzmann-machine", "prize"),
            (Ref("The Nobel Committee for Physics", "The Nobel Prize in Physics 2024", "nobelprize.org", 2024,
                 url="https://www.nobelprize.org/prizes/physics/2024/summary/"),),
        ),
    ),
)
