"""Timeline of deep learning (prose for now; a later issue makes it a structured timeline)."""

from datetime import date

from blog.demo.builder import PostData, heading, paragraph

POST = PostData(
    slug="timeline-of-deep-learning",
    title="Timeline of Deep Learning",
    date=date(2025, 7, 8),
    summary="Key milestones in the development of deep learning, from the first model neuron to transformers.",
    tags=("timeline", "deep learning", "history"),
    body=[
        paragraph(
            "Deep learning grew out of eighty years of ideas about model neurons, learning rules "
            "and, eventually, data and hardware. The milestones below are the ones later posts "
            "refer back to; the list is short on purpose."
        ),
        heading("Milestones", anchor="milestones"),
        paragraph(
            "<ul>"
            "<li><b>1943.</b> McCulloch and Pitts describe the neuron as a threshold logic unit.</li>"
            "<li><b>1958.</b> Rosenblatt's perceptron learns its weights from examples.</li>"
            "<li><b>1969.</b> Minsky and Papert's <i>Perceptrons</i> analyses what single-layer "
            "networks cannot compute.</li>"
            "<li><b>1986.</b> Rumelhart, Hinton and Williams popularise backpropagation for "
            "multilayer networks \\cite{rumelhart1986}.</li>"
            "<li><b>1989.</b> LeCun and colleagues train convolutional networks to read "
            "handwritten digits.</li>"
            "<li><b>1997.</b> Hochreiter and Schmidhuber introduce the LSTM.</li>"
            "<li><b>2012.</b> AlexNet (Krizhevsky, Sutskever and Hinton) wins the ImageNet "
            "challenge by a wide margin, trained on GPUs.</li>"
            "<li><b>2015.</b> Residual networks (He et al.) make networks with a hundred and more "
            "layers trainable.</li>"
            "<li><b>2017.</b> Vaswani et al. introduce the transformer, built on attention.</li>"
            "</ul>"
        ),
    ],
)
