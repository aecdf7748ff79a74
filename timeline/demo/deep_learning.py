"""Timeline of deep learning (dates and references checked)."""

from .records import Entry, Ref, Timeline

PERCEPTRON_POST = "replica-method-boolean-perceptron"
CHAOS_POST = "phase-transition-classical-dynamics"
COLLAPSE_POST = "why-do-representations-collapse"

TIMELINE = Timeline(
    slug="timeline-of-deep-learning",
    title="Timeline of Deep Learning",
    date="2025-07-08",
    summary="A timeline highlighting key milestones in the development of deep learning.",
    introduction=(
        "<p>From threshold units to transformers: the ideas, architectures and results that made networks "
        "with many layers of parameters $W^{(\\ell)}$ work, and the data and hardware that let them.</p>"
    ),
    groups=(
        ("architectures", "Architectures"),
        ("training", "Training"),
        ("theory", "Theory"),
        ("data-and-results", "Data and results"),
    ),
    eras=(
        ("Cybernetics and the perceptron", 1940, 1969, "Formal neurons, the perceptron and its limits."),
        ("Connectionism", 1970, 2005, "Back-propagation, convolutional and recurrent networks."),
        ("The deep learning revolution", 2006, 2016, "Pre-training, GPUs, ImageNet and residual networks."),
        ("Attention and scale", 2017, None, "Transformers, large language models and diffusion."),
    ),
    entries=(
        Entry(
            "mcculloch-pitts-neuron", "1943", "The formal neuron",
            "<p>McCulloch and Pitts model a neuron as a threshold unit and show that networks of them compute "
            "logical functions.</p>",
            "theory", ("neurons",),
            (Ref("W. S. McCulloch and W. Pitts", "A logical calculus of the ideas immanent in nervous activity",
                 "Bulletin of Mathematical Biophysics 5, 115–133", 1943, doi="10.1007/BF02478259"),),
        ),
        Entry(
            "rosenblatt-perceptron", "1958", "The perceptron",
            "<p>Rosenblatt's perceptron learns its weights from examples with an error-correcting rule, "
            "$w \\leftarrow w + \\eta\\, y\\, x$ on mistakes.</p>",
            "architectures", ("perceptron",),
            (Ref("F. Rosenblatt", "The perceptron: a probabilistic model for information storage and organization in the brain",
                 "Psychological Review 65, 386–408", 1958, doi="10.1037/h0042519"),),
            posts=(PERCEPTRON_POST,),
        ),
        Entry(
            "widrow-hoff", "1960", "ADALINE and the delta rule",
            "<p>Widrow and Hoff train an adaptive linear element by least-mean-squares, stochastic gradient "
            "descent on the squared error.</p>",
            "training", ("gradient-descent",),
            (Ref("B. Widrow and M. E. Hoff", "Adaptive switching circuits", "IRE WESCON Convention Record 4, 96–104", 1960),),
        ),
        Entry(
            "minsky-papert", "1969", "Perceptrons",
            "<p>Minsky and Papert analyse what single-layer perceptrons cannot compute, such as parity, and "
            "interest in neural networks wanes.</p>",
            "theory", ("perceptron",),
            (Ref("M. Minsky and S. Papert", "Perceptrons: An Introduction to Computational Geometry", "MIT Press", 1969),),
        ),
        Entry(
            "linnainmaa-reverse-mode", "1970", "Reverse-mode automatic differentiation",
            "<p>Linnainmaa describes the reverse mode of automatic differentiation, the algorithm behind "
            "back-propagation.</p>",
            "training", ("backpropagation", "autodiff"),
            (Ref("S. Linnainmaa", "The representation of the cumulative rounding error of an algorithm as a Taylor expansion of the local rounding errors",
                 "Master's thesis, University of Helsinki", 1970),),
        ),
        Entry(
            "werbos-thesis", "1974", "Werbos's thesis",
            "<p>Werbos proposes training multilayer networks by propagating derivatives backwards.</p>",
            "training", ("backpropagation",),
            (Ref("P. J. Werbos", "Beyond regression: new tools for prediction and analysis in the behavioral sciences",
                 "PhD thesis, Harvard University", 1974),),
        ),
        Entry(
            "neocognitron", "1980", "The neocognitron",
            "<p>Fukushima's hierarchical network of alternating feature-extracting and pooling layers, the "
            "ancestor of convolutional networks.</p>",
            "architectures", ("convolutional-networks", "vision"),
            (Ref("K. Fukushima", "Neocognitron: a self-organizing neural network model for a mechanism of pattern recognition unaffected by shift in position",
                 "Biological Cybernetics 36, 193–202", 1980, doi="10.1007/BF00344251"),),
        ),
        Entry(
            "hopfield-associative-memory", "1982-04", "Hopfield networks",
            "<p>Hopfield's recurrent network stores memories as minima of an energy function and brings "
            "physicists into the field.</p>",
            "architectures", ("associative-memory", "energy-based"),
            (Ref("J. J. Hopfield", "Neural networks and physical systems with emergent collective computational abilities",
                 "Proceedings of the National Academy of Sciences 79, 2554–2558", 1982, doi="10.1073/pnas.79.8.2554"),),
        ),
        Entry(
            "boltzmann-machines", "1985", "Boltzmann machines",
            "<p>A stochastic network with hidden units learns a probability distribution over its visible "
            "units.</p>",
            "architectures", ("energy-based", "generative-models"),
            (Ref("D. H. Ackley, G. E. Hinton and T. J. Sejnowski", "A learning algorithm for Boltzmann machines",
                 "Cognitive Science 9, 147–169", 1985, doi="10.1207/s15516709cog0901_7"),),
        ),
        Entry(
            "backpropagation", "1986-10", "Back-propagation",
            "<p>Rumelhart, Hinton and Williams show that back-propagating errors trains hidden units to learn "
            "useful internal representations.</p>",
            "training", ("backpropagation", "gradient-descent"),
            (Ref("D. E. Rumelhart, G. E. Hinton and R. J. Williams", "Learning representations by back-propagating errors",
                 "Nature 323, 533–536", 1986, doi="10.1038/323533a0"),),
        ),
        Entry(
            "universal-approximation", "1989", "Universal approximation",
            "<p>Cybenko, and Hornik, Stinchcombe and White, prove that one hidden layer of sigmoidal units can "
            "approximate any continuous function on a compact set.</p>",
            "theory", ("approximation",),
            (
                Ref("G. Cybenko", "Approximation by superpositions of a sigmoidal function",
                    "Mathematics of Control, Signals and Systems 2, 303–314", 1989, doi="10.1007/BF02551274"),
                Ref("K. Hornik, M. Stinchcombe and H. White", "Multilayer feedforward networks are universal approximators",
                    "Neural Networks 2, 359–366", 1989, doi="10.1016/0893-6080(89)90020-8"),
            ),
        ),
        Entry(
            "lecun-zip-codes", "1989", "Convolutional networks read zip codes",
            "<p>LeCun and colleagues train a convolutional network with shared weights by back-propagation to "
            "recognise handwritten digits.</p>",
            "architectures", ("convolutional-networks", "vision"),
            (Ref("Y. LeCun, B. Boser, J. S. Denker, D. Henderson, R. E. Howard, W. Hubbard and L. D. Jackel",
                 "Backpropagation applied to handwritten zip code recognition", "Neural Computation 1, 541–551", 1989,
                 doi="10.1162/neco.1989.1.4.541"),),
        ),
        Entry(
            "elman-network", "1990", "Finding structure in time",
            "<p>Elman's simple recurrent network carries context from one time step to the next.</p>",
            "architectures", ("recurrent-networks",),
            (Ref("J. L. Elman", "Finding structure in time", "Cognitive Science 14, 179–211", 1990, doi="10.1207/s15516709cog1402_1"),),
        ),
        Entry(
            "lstm", "1997", "Long short-term memory",
            "<p>Hochreiter and Schmidhuber add gated memory cells to recurrent networks so that errors flow "
            "over long time lags without vanishing.</p>",
            "architectures", ("recurrent-networks",),
            (Ref("S. Hochreiter and J. Schmidhuber", "Long short-term memory", "Neural Computation 9, 1735–1780", 1997,
                 doi="10.1162/neco.1997.9.8.1735"),),
        ),
        Entry(
            "lenet-5", "1998-11", "LeNet-5 and gradient-based document recognition",
            "<p>LeCun, Bottou, Bengio and Haffner describe LeNet-5 and the MNIST benchmark.</p>",
            "architectures", ("convolutional-networks", "vision", "benchmarks"),
            (Ref("Y. LeCun, L. Bottou, Y. Bengio and P. Haffner", "Gradient-based learning applied to document recognition",
                 "Proceedings of the IEEE 86, 2278–2324", 1998, doi="10.1109/5.726791"),),
        ),
        Entry(
            "deep-belief-nets", "2006", "Deep belief networks",
            "<p>Hinton, Osindero and Teh pre-train deep networks greedily, one restricted Boltzmann machine at a "
            "time; the phrase \"deep learning\" takes hold.</p>",
            "training", ("pre-training", "energy-based"),
            (Ref("G. E. Hinton, S. Osindero and Y.-W. Teh", "A fast learning algorithm for deep belief nets",
                 "Neural Computation 18, 1527–1554", 2006, doi="10.1162/neco.2006.18.7.1527"),),
        ),
        Entry(
            "imagenet", "2009", "ImageNet",
            "<p>Deng and colleagues release a database of millions of labelled images organised by the WordNet "
            "hierarchy.</p>",
            "data-and-results", ("benchmarks", "vision"),
            (Ref("J. Deng, W. Dong, R. Socher, L.-J. Li, K. Li and L. Fei-Fei", "ImageNet: a large-scale hierarchical image database",
                 "IEEE Conference on Computer Vision and Pattern Recognition (CVPR)", 2009),),
        ),
        Entry(
            "glorot-initialisation", "2010", "Initialisation and rectifiers",
            "<p>Glorot and Bengio study why deep networks are hard to train and propose scaling initial weights "
            "so that variances are preserved; Nair and Hinton use rectified linear units.</p>",
            "training", ("initialisation", "activations"),
            (
                Ref("X. Glorot and Y. Bengio", "Understanding the difficulty of training deep feedforward neural networks",
                    "Proceedings of AISTATS 2010", 2010),
                Ref("V. Nair and G. E. Hinton", "Rectified linear units improve restricted Boltzmann machines",
                    "Proceedings of ICML 2010", 2010),
            ),
            posts=(CHAOS_POST,),
        ),
        Entry(
            "alexnet", "2012", "AlexNet",
            "<p>Krizhevsky, Sutskever and Hinton's convolutional network, trained on GPUs with ReLUs and dropout, "
            "wins the ImageNet challenge by a wide margin.</p>",
            "data-and-results", ("convolutional-networks", "vision", "gpus"),
            (Ref("A. Krizhevsky, I. Sutskever and G. E. Hinton", "ImageNet classification with deep convolutional neural networks",
                 "Advances in Neural Information Processing Systems 25", 2012),),
        ),
        Entry(
            "word2vec", "2013-01", "Word vectors",
            "<p>Mikolov and colleagues learn word embeddings whose differences encode analogies.</p>",
            "architectures", ("language", "embeddings"),
            (Ref("T. Mikolov, K. Chen, G. Corrado and J. Dean", "Efficient estimation of word representations in vector space",
                 "arXiv preprint", 2013, arxiv="1301.3781"),),
        ),
        Entry(
            "vae", "2013-12", "Variational autoencoders",
            "<p>Kingma and Welling train latent-variable models with the reparameterisation trick and a "
            "variational bound.</p>",
            "architectures", ("generative-models",),
            (Ref("D. P. Kingma and M. Welling", "Auto-encoding variational Bayes",
                 "International Conference on Learning Representations (ICLR)", 2014, arxiv="1312.6114"),),
        ),
        Entry(
            "gans", "2014-06", "Generative adversarial networks",
            "<p>Goodfellow and colleagues train a generator against a discriminator in a minimax game.</p>",
            "architectures", ("generative-models",),
            (Ref("I. J. Goodfellow, J. Pouget-Abadie, M. Mirza, B. Xu, D. Warde-Farley, S. Ozair, A. Courville and Y. Bengio",
                 "Generative adversarial nets", "Advances in Neural Information Processing Systems 27", 2014, arxiv="1406.2661"),),
        ),
        Entry(
            "dropout", "2014", "Dropout",
            "<p>Srivastava and colleagues randomly drop units during training to prevent co-adaptation.</p>",
            "training", ("regularisation",),
            (Ref("N. Srivastava, G. Hinton, A. Krizhevsky, I. Sutskever and R. Salakhutdinov",
                 "Dropout: a simple way to prevent neural networks from overfitting",
                 "Journal of Machine Learning Research 15, 1929–1958", 2014, url="https://jmlr.org/papers/v15/srivastava14a.html"),),
        ),
        Entry(
            "attention-for-translation", "2014-09", "Attention",
            "<p>Bahdanau, Cho and Bengio let a translation model attend to the relevant source words instead of "
            "compressing a sentence into one vector.</p>",
            "architectures", ("attention", "language"),
            (Ref("D. Bahdanau, K. Cho and Y. Bengio", "Neural machine translation by jointly learning to align and translate",
                 "International Conference on Learning Representations (ICLR)", 2015, arxiv="1409.0473"),),
        ),
        Entry(
            "adam", "2014-12", "Adam",
            "<p>Kingma and Ba's optimiser scales each step by running estimates of the gradient's first and "
            "second moments.</p>",
            "training", ("optimisation",),
            (Ref("D. P. Kingma and J. Ba", "Adam: a method for stochastic optimization",
                 "International Conference on Learning Representations (ICLR)", 2015, arxiv="1412.6980"),),
        ),
        Entry(
            "batch-normalization", "2015-02", "Batch normalisation",
            "<p>Ioffe and Szegedy normalise activations over each mini-batch, allowing higher learning rates.</p>",
            "training", ("normalisation",),
            (Ref("S. Ioffe and C. Szegedy", "Batch normalization: accelerating deep network training by reducing internal covariate shift",
                 "Proceedings of ICML 2015", 2015, arxiv="1502.03167"),),
        ),
        Entry(
            "diffusion-nonequilibrium", "2015-03", "Diffusion models from non-equilibrium thermodynamics",
            "<p>Sohl-Dickstein and colleagues learn to reverse a slow diffusion that turns data into noise.</p>",
            "architectures", ("generative-models", "diffusion"),
            (Ref("J. Sohl-Dickstein, E. A. Weiss, N. Maheswaranathan and S. Ganguli",
                 "Deep unsupervised learning using nonequilibrium thermodynamics", "Proceedings of ICML 2015", 2015, arxiv="1503.03585"),),
        ),
        Entry(
            "deep-learning-review", "2015-05", "Deep learning in Nature",
            "<p>LeCun, Bengio and Hinton's review summarises the field's progress.</p>",
            "data-and-results", ("review",),
            (Ref("Y. LeCun, Y. Bengio and G. Hinton", "Deep learning", "Nature 521, 436–444", 2015, doi="10.1038/nature14539"),),
        ),
        Entry(
            "resnet", "2015-12", "Residual networks",
            "<p>He, Zhang, Ren and Sun add identity shortcuts, $x_{\\ell+1} = x_\\ell + F(x_\\ell)$, and train "
            "networks more than a hundred layers deep.</p>",
            "architectures", ("convolutional-networks", "vision"),
            (Ref("K. He, X. Zhang, S. Ren and J. Sun", "Deep residual learning for image recognition",
                 "IEEE Conference on Computer Vision and Pattern Recognition (CVPR)", 2016, arxiv="1512.03385"),),
        ),
        Entry(
            "alphago", "2016-01", "AlphaGo",
            "<p>Policy and value networks combined with tree search defeat a professional Go player.</p>",
            "data-and-results", ("reinforcement-learning",),
            (Ref("D. Silver et al.", "Mastering the game of Go with deep neural networks and tree search", "Nature 529, 484–489", 2016,
                 doi="10.1038/nature16961"),),
        ),
        Entry(
            "transformer", "2017-06", "The transformer",
            "<p>Vaswani and colleagues replace recurrence by self-attention, $\\mathrm{softmax}(QK^\\top/\\sqrt{d_k})V$.</p>",
            "architectures", ("attention", "language", "transformers"),
            (Ref("A. Vaswani, N. Shazeer, N. Parmar, J. Uszkoreit, L. Jones, A. N. Gomez, Ł. Kaiser and I. Polosukhin",
                 "Attention is all you need", "Advances in Neural Information Processing Systems 30", 2017, arxiv="1706.03762"),),
        ),
        Entry(
            "ntk", "2018-06", "Neural tangent kernel",
            "<p>Infinitely wide networks trained by gradient descent behave as kernel machines.</p>",
            "theory", ("kernels",),
            (Ref("A. Jacot, F. Gabriel and C. Hongler", "Neural tangent kernel: convergence and generalization in neural networks",
                 "Advances in Neural Information Processing Systems 31", 2018, arxiv="1806.07572"),),
        ),
        Entry(
            "bert", "2018-10", "BERT",
            "<p>Devlin and colleagues pre-train a bidirectional transformer on masked words and fine-tune it for "
            "many language tasks.</p>",
            "architectures", ("language", "transformers", "pre-training"),
            (Ref("J. Devlin, M.-W. Chang, K. Lee and K. Toutanova", "BERT: pre-training of deep bidirectional transformers for language understanding",
                 "Proceedings of NAACL 2019", 2019, arxiv="1810.04805"),),
        ),
        Entry(
            "turing-award", "2019-03", "Turing Award for deep learning",
            "<p>The ACM announces the 2018 A.M. Turing Award for Yoshua Bengio, Geoffrey Hinton and Yann LeCun.</p>",
            "data-and-results", ("prize",),
            (Ref("Association for Computing Machinery", "Fathers of the deep learning revolution receive ACM A.M. Turing Award",
                 "ACM press release", 2019, url="https://awards.acm.org/about/2018-turing"),),
        ),
        Entry(
            "scaling-laws", "2020-01", "Scaling laws",
            "<p>Kaplan and colleagues find that language-model loss falls as a power law in parameters, data and "
            "compute.</p>",
            "theory", ("language", "scaling"),
            (Ref("J. Kaplan et al.", "Scaling laws for neural language models", "arXiv preprint", 2020, arxiv="2001.08361"),),
        ),
        Entry(
            "gpt-3", "2020-05", "Few-shot learning in GPT-3",
            "<p>Brown and colleagues' 175-billion-parameter language model learns new tasks from a few examples "
            "in its prompt.</p>",
            "data-and-results", ("language", "transformers", "scaling"),
            (Ref("T. B. Brown et al.", "Language models are few-shot learners", "Advances in Neural Information Processing Systems 33", 2020,
                 arxiv="2005.14165"),),
        ),
        Entry(
            "ddpm", "2020-06", "Denoising diffusion",
            "<p>Ho, Jain and Abbeel make diffusion models produce high-quality images.</p>",
            "architectures", ("generative-models", "diffusion"),
            (Ref("J. Ho, A. Jain and P. Abbeel", "Denoising diffusion probabilistic models",
                 "Advances in Neural Information Processing Systems 33", 2020, arxiv="2006.11239"),),
        ),
        Entry(
            "simsiam", "2020-11", "Siamese learning without collapse",
            "<p>Chen and He show that a stop-gradient on one branch is enough to keep a Siamese network "
            "from collapsing all inputs to one representation.</p>",
            "training", ("self-supervised", "representations"),
            (Ref("X. Chen and K. He", "Exploring simple Siamese representation learning",
                 "IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)", 2021, arxiv="2011.10566"),),
            posts=(COLLAPSE_POST,),
        ),
        Entry(
            "alphafold", "2021-07", "AlphaFold",
            "<p>Jumper and colleagues predict protein structures with atomic accuracy.</p>",
            "data-and-results", ("science",),
            (Ref("J. Jumper et al.", "Highly accurate protein structure prediction with AlphaFold", "Nature 596, 583–589", 2021,
                 doi="10.1038/s41586-021-03819-2"),),
        ),
        Entry(
            "nobel-2024", "2024-10", "Nobel Prize in Physics",
            "<p>John Hopfield and Geoffrey Hinton are awarded the Nobel Prize in Physics for foundational "
            "discoveries and inventions that enable machine learning with artificial neural networks.</p>",
            "data-and-results", ("prize", "energy-based"),
            (Ref("The Nobel Committee for Physics", "The Nobel Prize in Physics 2024", "nobelprize.org", 2024,
                 url="https://www.nobelprize.org/prizes/physics/2024/summary/"),),
        ),
    ),
)
